import { LocalResource, RemoteMember } from '../connector';
import { ensureMapped, SyncContext, upsertGroup, upsertUser } from '../sync/apply-event';
import { MappedType } from '../sync/id-map';
import { managerOf } from '../sync/translate-user';

export interface ResyncSummary {
  users: { created: number; replaced: number; deleted: number };
  groups: { created: number; replaced: number; deleted: number };
  members: { added: number; removed: number };
}

const PAGE = 200;
/** Requests in flight at once: a resync is many independent writes, bound by the store's latency. */
const PARALLEL = 8;

/**
 * Full reconcile of one store with our state (docs/connectors.md "Resync"):
 * 1. every live user and group here is written to the store (created if unmapped or gone there, else
 *    replaced), so attribute drift is repaired too;
 * 2. each group's members in the store are made equal to ours (missing ones added, extra ones removed);
 * 3. what we mapped earlier but no longer exists here is deleted in the store.
 * Resources of the store that we never created or linked are left alone: they are not ours.
 */
export async function reconcile(ctx: SyncContext): Promise<ResyncSummary> {
  const summary: ResyncSummary = {
    users: { created: 0, replaced: 0, deleted: 0 },
    groups: { created: 0, replaced: 0, deleted: 0 },
    members: { added: 0, removed: 0 },
  };
  // Users whose manager the store did not have yet when they were sent; sent again once every user is there.
  const withoutManager: LocalResource[] = [];
  for (let page = await ctx.local.usersAfter(null, PAGE); page.length > 0; page = await ctx.local.usersAfter(page.at(-1)!.id, PAGE)) {
    await inParallel(page, async (listed) => {
      // Read again right before sending, so a change committed since the page was read is not undone.
      const user = await ctx.local.user(listed.id);
      if (!user) return;
      const manager = managerOf(user);
      if (manager && !(await ctx.ids.remoteId('User', manager))) withoutManager.push(user);
      const before = await ctx.ids.remoteId('User', user.id);
      const after = await upsertUser(ctx, user.id, user);
      summary.users[after === before ? 'replaced' : 'created']++;
    });
  }
  await inParallel(withoutManager, async (user) => void (await upsertUser(ctx, user.id, user)));
  // All groups exist in the store before any membership is compared, so a nested group is never created
  // twice by two lanes at once.
  const groupIds = new Map<string, string>();
  for (let page = await ctx.local.groupsAfter(null, PAGE); page.length > 0; page = await ctx.local.groupsAfter(page.at(-1)!.id, PAGE)) {
    await inParallel(page, async (listed) => {
      const group = await ctx.local.group(listed.id);
      if (!group) return;
      const before = await ctx.ids.remoteId('Group', group.id);
      const remoteId = await upsertGroup(ctx, group.id, group);
      groupIds.set(group.id, remoteId);
      summary.groups[remoteId === before ? 'replaced' : 'created']++;
    });
  }
  await inParallel([...groupIds], ([localId, remoteId]) => reconcileMembers(ctx, localId, remoteId, summary));
  summary.groups.deleted = await deleteGone(ctx, 'Group', (id) => ctx.store.deleteGroup(id));
  summary.users.deleted = await deleteGone(ctx, 'User', (id) => ctx.store.deleteUser(id));
  return summary;
}

async function reconcileMembers(ctx: SyncContext, localGroupId: string, remoteGroupId: string, summary: ResyncSummary): Promise<void> {
  const wanted = new Map<string, RemoteMember>();
  for (const member of await ctx.local.members(localGroupId)) {
    const remoteId = await ensureMapped(ctx, member.type, member.id);
    if (remoteId) wanted.set(remoteId, { value: remoteId, type: member.type });
  }
  const present = await ctx.store.listMembers(remoteGroupId);
  const presentIds = new Set(present.map((m) => m.value));
  const toAdd = [...wanted.values()].filter((m) => !presentIds.has(m.value));
  const toRemove = present.filter((m) => !wanted.has(m.value));
  await ctx.store.addMembers(remoteGroupId, toAdd);
  await ctx.store.removeMembers(remoteGroupId, toRemove);
  summary.members.added += toAdd.length;
  summary.members.removed += toRemove.length;
}

async function deleteGone(ctx: SyncContext, type: MappedType, remove: (remoteId: string) => Promise<void>): Promise<number> {
  const mapped = await ctx.ids.all(type);
  const live = await ctx.local.liveIds(type, mapped.map((m) => m.localId));
  let deleted = 0;
  for (const { localId, remoteId } of mapped) {
    if (live.has(localId)) continue;
    await remove(remoteId);
    await ctx.ids.unlink(type, localId);
    deleted++;
  }
  return deleted;
}

/** Runs `work` over the items with at most PARALLEL at a time; the first failure fails the whole call. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, lane));
}
