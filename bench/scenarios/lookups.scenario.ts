import { loadavg } from 'node:os';
import { runWorkers } from '../load/run-workers';
import { entraFilter } from '../http/scim-client';
import { populateUsers } from '../setup/populate-users';
import { seededUserName } from '../setup/seed-users';
import { LatencyRecorder, LatencySummary } from '../stats/latency-recorder';
import { ScenarioContext, Scenario, TenantSession } from './scenario';

const CONCURRENCY = 8;
const WARM_UP = 300;
const TARGET_P99_MS = 30;
const TARGET_SLOWDOWN = 1.2;

async function measureLookups(ctx: ScenarioContext, session: TenantSession, prefix: string, population: number): Promise<LatencySummary> {
  const lookup = async (recorder: LatencyRecorder): Promise<void> => {
    const userName = seededUserName(prefix, 1 + Math.floor(Math.random() * population));
    const found = await session.client.send<{ totalResults?: number }>('GET', `${ctx.scimPath}/Users?${entraFilter('userName', userName)}`);
    if (found.status === 200 && found.body.totalResults === 1) recorder.record(found.ms);
    else recorder.error(found.status);
  };
  // Warm-up: JIT, connection pool and Postgres buffers settle before anything is timed.
  const warm = new LatencyRecorder();
  await runWorkers(WARM_UP, CONCURRENCY, ctx.options.maxSeconds, () => lookup(warm));
  const recorder = new LatencyRecorder();
  const run = await runWorkers(ctx.options.lookupRequests, CONCURRENCY, ctx.options.maxSeconds, () => lookup(recorder));
  return recorder.summary(run.elapsedMs);
}

/**
 * Entra's existence check (`userName eq`) on an existing user, at 8 clients, first with the small tenant,
 * then after growing the same tenant to the large size: an indexed lookup should not notice the difference.
 */
export const lookupsScenario: Scenario = async (ctx) => {
  const { lookupSmallTenant: small, lookupLargeTenant: large } = ctx.options;
  const session = await ctx.openTenant('lookups', CONCURRENCY);
  const prefix = `lk-${ctx.runId}`;
  const loadBefore = loadavg()[0];

  ctx.log(`seeding ${small} users`);
  await populateUsers(ctx, session, prefix, 1, small);
  const atSmall = await measureLookups(ctx, session, prefix, small);
  ctx.log(`growing the tenant to ${large} users`);
  await populateUsers(ctx, session, prefix, small + 1, large);
  const atLarge = await measureLookups(ctx, session, prefix, large);

  const slowdownP99 = atLarge.p99 / Math.max(0.001, atSmall.p99);
  const slowdownP50 = atLarge.p50 / Math.max(0.001, atSmall.p50);
  const worstP99 = Math.max(atSmall.p99, atLarge.p99);
  return {
    scenario: 'lookups',
    params: { concurrency: CONCURRENCY, requestsPerSize: ctx.options.lookupRequests, small, large },
    rows: [
      { label: `userName eq @ ${small} users`, ...atSmall },
      { label: `userName eq @ ${large} users`, ...atLarge },
    ],
    figures: { slowdownP50: round(slowdownP50), slowdownP99: round(slowdownP99) },
    targets: [
      { target: `p99 < ${TARGET_P99_MS} ms at ${CONCURRENCY} clients`, measured: `${worstP99} ms (worst of both sizes)`, met: worstP99 < TARGET_P99_MS },
      {
        target: `<= 20% slower at ${large} than at ${small} users`,
        measured: `p50 x${round(slowdownP50)}, p99 x${round(slowdownP99)}`,
        met: slowdownP50 <= TARGET_SLOWDOWN && slowdownP99 <= TARGET_SLOWDOWN,
      },
    ],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};

const round = (n: number): number => Math.round(n * 100) / 100;
