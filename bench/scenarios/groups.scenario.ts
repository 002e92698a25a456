import { loadavg } from 'node:os';
import { entraFilter } from '../http/scim-client';
import { populateUsers, tenantUserIds } from '../setup/populate-users';
import { LatencyRecorder } from '../stats/latency-recorder';
import { entraCreateGroup, entraMembersPatch } from './entra-requests';
import { ResultRow, Scenario, ScenarioContext, TenantSession } from './scenario';

const BATCH = 100;
const TARGET_P99_MS = 50;
const GROUP_READS = 50;
/** Add/remove cycles at each fixed size: 100 samples per operation, so p99 is not just the maximum. */
const CYCLES = 100;

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

/** Adds then removes the same 100 non-members `cycles` times: p99 at a fixed group size from many samples. */
async function cycleAtSize(ctx: ScenarioContext, session: TenantSession, groupId: string, ids: string[], cycles: number): Promise<{ add: LatencyRecorder; remove: LatencyRecorder }> {
  const add = new LatencyRecorder();
  const remove = new LatencyRecorder();
  const deadline = Date.now() + ctx.options.maxSeconds * 1000;
  for (let i = 0; i < cycles && Date.now() < deadline; i++) {
    const added = await patchInBatches(ctx, session, groupId, 'Add', ids);
    const removed = await patchInBatches(ctx, session, groupId, 'Remove', ids);
    add.merge(added.batches);
    remove.merge(removed.batches);
  }
  return { add, remove };
}

/**
 * Entra fills a group after creating it empty: PATCH add of 100 members at a time, one group, one client.
 * Measured three ways: add/remove cycles of 100 members at a small group (100 members), the fill itself up
 * to `--group-size` (10,000) with its first and last batches, and add/remove cycles at the full size. With
 * membership in its own table each batch is one multi-row statement, so large costs what small does.
 * Then Entra's group lookup without members, and removal of everyone 100 at a time.
 */
export const groupsScenario: Scenario = async (ctx) => {
  const size = ctx.options.groupMembers;
  const session = await ctx.openTenant('groups', 1);
  ctx.log(`seeding ${size + BATCH} users`);
  await populateUsers(ctx, session, `gm-${ctx.runId}`, 1, size + BATCH);
  const all = await tenantUserIds(ctx, session, size + BATCH);
  const cycling = all.slice(0, BATCH);
  const ids = all.slice(BATCH);
  const displayName = `bench-group-${ctx.runId}`;
  const created = await session.client.send<{ id: string }>('POST', `${ctx.scimPath}/Groups`, entraCreateGroup(displayName));
  if (created.status !== 201) throw new Error(`POST /Groups answered ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`);
  const groupId = created.body.id;
  const loadBefore = loadavg()[0];

  const adds = await patchInBatches(ctx, session, groupId, 'Add', ids.slice(0, BATCH));
  const small = await cycleAtSize(ctx, session, groupId, cycling, CYCLES);
  const grow = await patchInBatches(ctx, session, groupId, 'Add', ids.slice(BATCH));
  for (const status of grow.statuses) adds.statuses.add(status);
  adds.batches.merge(grow.batches);
  const large = await cycleAtSize(ctx, session, groupId, cycling, CYCLES);
  // Entra's group lookup without members (excludedAttributes=members, docs/entra.md) must not pay for 10,000 memberships.
  const reads = new LatencyRecorder();
  for (let i = 0; i < GROUP_READS; i++) {
    const found = await session.client.send<{ totalResults?: number }>(
      'GET', `${ctx.scimPath}/Groups?${entraFilter('displayName', displayName)}&excludedAttributes=members`);
    if (found.status === 200 && found.body.totalResults === 1) reads.record(found.ms);
    else reads.error(found.status);
  }
  const removes = await patchInBatches(ctx, session, groupId, 'Remove', ids);

  const addRows = batchRows(`fill, add ${BATCH}`, adds.batches);
  const removeRows = batchRows(`empty, remove ${BATCH}`, removes.batches);
  const atSmall = { add: { label: `add ${BATCH} @ ${BATCH} members`, ...small.add.summary() }, remove: { label: `remove ${BATCH} @ ${BATCH} members`, ...small.remove.summary() } };
  const atLarge = { add: { label: `add ${BATCH} @ ${ids.length} members`, ...large.add.summary() }, remove: { label: `remove ${BATCH} @ ${ids.length} members`, ...large.remove.summary() } };
  const flatness = (rows: ResultRow[]): number => Math.round((rows[2].p50 / Math.max(0.001, rows[1].p50)) * 100) / 100;
  const worst = (op: 'add' | 'remove'): number => Math.max(atSmall[op].p99, atLarge[op].p99);
  const clean = (op: 'add' | 'remove'): boolean => atSmall[op].errors + atLarge[op].errors === 0;
  return {
    scenario: 'groups',
    params: { members: ids.length, batch: BATCH, cycles: CYCLES },
    rows: [
      atSmall.add, atSmall.remove, ...addRows, atLarge.add, atLarge.remove,
      { label: `GET /Groups displayName eq, excl. members @ ${ids.length}`, ...reads.summary() },
      ...removeRows,
    ],
    figures: {
      addLargeVsSmallP50: Math.round((atLarge.add.p50 / Math.max(0.001, atSmall.add.p50)) * 100) / 100,
      removeLargeVsSmallP50: Math.round((atLarge.remove.p50 / Math.max(0.001, atSmall.remove.p50)) * 100) / 100,
      fillLastVsFirstP50: flatness(addRows),
      emptyLastVsFirstP50: flatness(removeRows),
      addStatus: [...adds.statuses].join(','),
      removeStatus: [...removes.statuses].join(','),
    },
    targets: [
      { target: `add ${BATCH} members p99 < ${TARGET_P99_MS} ms at any size`, measured: `${atSmall.add.p99} ms @ ${BATCH}, ${atLarge.add.p99} ms @ ${ids.length}`, met: worst('add') < TARGET_P99_MS && clean('add') },
      { target: `remove ${BATCH} members p99 < ${TARGET_P99_MS} ms at any size`, measured: `${atSmall.remove.p99} ms @ ${BATCH}, ${atLarge.remove.p99} ms @ ${ids.length}`, met: worst('remove') < TARGET_P99_MS && clean('remove') },
    ],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};
