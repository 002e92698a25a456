import { loadavg } from 'node:os';
import { entraFilter } from '../http/scim-client';
import { populateUsers, tenantUserIds } from '../setup/populate-users';
import { LatencyRecorder } from '../stats/latency-recorder';
import { entraCreateGroup, entraMembersPatch } from './entra-requests';
import { ResultRow, Scenario, ScenarioContext, TenantSession } from './scenario';

const BATCH = 100;
const TARGET_P99_MS = 50;
const GROUP_READS = 50;

interface BatchRun {
  batches: LatencyRecorder;
  /** Success statuses: 204 is what Entra advises for groups; a 200 body listing every member is not. */
  statuses: Set<number>;
}

async function patchInBatches(ctx: ScenarioContext, session: TenantSession, groupId: string, op: 'Add' | 'Remove', ids: string[]): Promise<BatchRun> {
  const batches = new LatencyRecorder();
  const statuses = new Set<number>();
  for (let from = 0; from < ids.length; from += BATCH) {
    const response = await session.client.send('PATCH', `${ctx.scimPath}/Groups/${groupId}`, entraMembersPatch(op, ids.slice(from, from + BATCH)));
    if (response.status === 200 || response.status === 204) {
      batches.record(response.ms);
      statuses.add(response.status);
    } else {
      batches.error(response.status);
      if (batches.count === 0) throw new Error(`group PATCH ${op} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  }
  return { batches, statuses };
}

function batchRows(label: string, batches: LatencyRecorder): ResultRow[] {
  const n = batches.count;
  return [
    { label: `${label}: every batch`, ...batches.summary() },
    { label: `${label}: first 10 batches`, ...batches.summary(undefined, 0, Math.min(10, n)) },
    { label: `${label}: last 10 batches`, ...batches.summary(undefined, Math.max(0, n - 10), n) },
  ];
}

/**
 * Entra fills a group after creating it empty: PATCH add of 100 members at a time, one group, one client,
 * until it has 10,000 members; then removes them 100 at a time. With membership in its own table each
 * batch is one multi-row statement, so the last batches cost what the first did.
 */
export const groupsScenario: Scenario = async (ctx) => {
  const size = ctx.options.groupMembers;
  const session = await ctx.openTenant('groups', 1);
  ctx.log(`seeding ${size} users`);
  await populateUsers(ctx, session, `gm-${ctx.runId}`, 1, size);
  const ids = await tenantUserIds(ctx, session, size);
  const displayName = `bench-group-${ctx.runId}`;
  const created = await session.client.send<{ id: string }>('POST', `${ctx.scimPath}/Groups`, entraCreateGroup(displayName));
  if (created.status !== 201) throw new Error(`POST /Groups answered ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`);
  const loadBefore = loadavg()[0];

  const adds = await patchInBatches(ctx, session, created.body.id, 'Add', ids);
  // Entra's group lookup without members (IDP-REQUIREMENTS item 3) must not pay for 10,000 memberships.
  const reads = new LatencyRecorder();
  for (let i = 0; i < GROUP_READS; i++) {
    const found = await session.client.send<{ totalResults?: number }>(
      'GET', `${ctx.scimPath}/Groups?${entraFilter('displayName', displayName)}&excludedAttributes=members`);
    if (found.status === 200 && found.body.totalResults === 1) reads.record(found.ms);
    else reads.error(found.status);
  }
  const removes = await patchInBatches(ctx, session, created.body.id, 'Remove', ids);

  const addRows = batchRows(`add ${BATCH}`, adds.batches);
  const removeRows = batchRows(`remove ${BATCH}`, removes.batches);
  const flatness = (rows: ResultRow[]): number => Math.round((rows[2].p50 / Math.max(0.001, rows[1].p50)) * 100) / 100;
  return {
    scenario: 'groups',
    params: { members: ids.length, batch: BATCH },
    rows: [...addRows, { label: `GET /Groups displayName eq, excl. members @ ${ids.length}`, ...reads.summary() }, ...removeRows],
    figures: {
      addLastVsFirstP50: flatness(addRows),
      removeLastVsFirstP50: flatness(removeRows),
      addStatus: [...adds.statuses].join(','),
      removeStatus: [...removes.statuses].join(','),
    },
    targets: [
      { target: `add ${BATCH} members p99 < ${TARGET_P99_MS} ms at any size`, measured: `${addRows[0].p99} ms (last 10: p99 ${addRows[2].p99} ms)`, met: addRows[0].p99 < TARGET_P99_MS && adds.batches.summary().errors === 0 },
      { target: `remove ${BATCH} members p99 < ${TARGET_P99_MS} ms at any size`, measured: `${removeRows[0].p99} ms (first 10: p99 ${removeRows[1].p99} ms)`, met: removeRows[0].p99 < TARGET_P99_MS && removes.batches.summary().errors === 0 },
    ],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};
