import { loadavg } from 'node:os';
import { runWorkers } from '../load/run-workers';
import { populateUsers, tenantUserIds } from '../setup/populate-users';
import { LatencyRecorder } from '../stats/latency-recorder';
import { entraUpdateUser } from './entra-requests';
import { Scenario } from './scenario';

const CONCURRENCY = 16;
const USERS = 2000;

/**
 * Entra's incremental cycle: attribute updates by PATCH with PascalCase Replace ops, a filtered
 * emails path and an enterprise extension path, at 16 clients over distinct users (each user is
 * patched again only after every other one was, so row locks rarely meet).
 */
export const patchScenario: Scenario = async (ctx) => {
  const { patchRequests, maxSeconds } = ctx.options;
  const session = await ctx.openTenant('patch', CONCURRENCY);
  const users = Math.min(USERS, patchRequests);
  await populateUsers(ctx, session, `pt-${ctx.runId}`, 1, users);
  const ids = await tenantUserIds(ctx, session, users);
  const loadBefore = loadavg()[0];
  const cpuBefore = ctx.cpu();
  const patches = new LatencyRecorder();

  const run = await runWorkers(patchRequests, CONCURRENCY, maxSeconds, async (i) => {
    const response = await session.client.send('PATCH', `${ctx.scimPath}/Users/${ids[i % ids.length]}`, entraUpdateUser(i % ids.length, Math.floor(i / ids.length)));
    if (response.status === 200 || response.status === 204) patches.record(response.ms);
    else patches.error(response.status);
  });
  const cpuAfter = ctx.cpu();
  const perPatch = (ms: number): number => Math.round((ms / Math.max(1, patches.count)) * 1000) / 1000;

  return {
    scenario: 'patch',
    params: { concurrency: CONCURRENCY, requests: patchRequests, users: ids.length },
    rows: [{ label: 'PATCH /Users/{id} (5 ops)', ...patches.summary(run.elapsedMs) }],
    figures: {
      apiCpuMsPerPatch: perPatch(cpuAfter.apiMs - cpuBefore.apiMs),
      postgresCpuMsPerPatch: perPatch(cpuAfter.postgresMs - cpuBefore.postgresMs),
    },
    targets: [],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};
