import { EventEnvelope, EventMemberRef } from '@provisio/events';
import { ConnectorProtocolError, ConnectorRequestError, LocalResource, RemoteMember, UserStoreConnector } from '../connector';
import { IdMap } from './id-map';
import { LocalDirectory } from './local-directory';
import { translateUser } from './translate-user';

export interface SyncContext {
  store: UserStoreConnector;
  ids: IdMap;
  local: LocalDirectory;
}

/**
 * Applies one event to the store, translating ids both ways. Safe to repeat (a retry after a crash): creates
 * of what is already mapped become updates, deletes of what is unmapped do nothing.
 */
export async function applyEvent(ctx: SyncContext, event: EventEnvelope): Promise<void> {
  const localId = event.data.id;
  const resource = (): LocalResource => {
    if (!event.data.resource) throw new ConnectorProtocolError(`Event ${event.id} (${event.type}) carries no resource`);
    return { ...event.data.resource, id: localId } as LocalResource;
  };
  switch (event.type) {
    case 'user.created':
    case 'user.updated':
    case 'user.reactivated':
      await upsertUser(ctx, localId, resource());
      return;
    case 'user.deactivated': {
      const remoteId = await ctx.ids.remoteId('User', localId);
      if (remoteId && (await ctx.store.deactivateUser(remoteId))) return;
      if (remoteId) await ctx.ids.unlink('User', localId); // the store lost it
      await upsertUser(ctx, localId, resource()); // never provisioned, or lost: create it, inactive as it is here
      return;
    }
    case 'user.deleted':
      return deleteMapped(ctx, 'User', localId, (id) => ctx.store.deleteUser(id));
    case 'group.created':
    case 'group.updated':
      await upsertGroup(ctx, localId, resource());
      return;
    case 'group.deleted':
      return deleteMapped(ctx, 'Group', localId, (id) => ctx.store.deleteGroup(id));
    case 'group.members.added':
    case 'group.members.removed':
      return changeMembers(ctx, event);
  }
}

export async function upsertUser(ctx: SyncContext, localId: string, local: LocalResource): Promise<string> {
  const mapped = await ctx.ids.remoteId('User', localId);
  const user = await translateUser(ctx.ids, local);
  const remoteId = mapped ? await ctx.store.updateUser(mapped, user) : await ctx.store.createUser(user);
  if (remoteId !== mapped) await ctx.ids.link('User', localId, remoteId);
  return remoteId;
}

export async function upsertGroup(ctx: SyncContext, localId: string, group: LocalResource): Promise<string> {
  const mapped = await ctx.ids.remoteId('Group', localId);
  const remoteId = mapped ? await ctx.store.updateGroup(mapped, group) : await ctx.store.createGroup(group);
  if (remoteId !== mapped) await ctx.ids.link('Group', localId, remoteId);
  return remoteId;
}

async function deleteMapped(ctx: SyncContext, type: 'User' | 'Group', localId: string, remove: (remoteId: string) => Promise<void>): Promise<void> {
  const remoteId = await ctx.ids.remoteId(type, localId);
  if (!remoteId) return;
  await remove(remoteId);
  await ctx.ids.unlink(type, localId);
}

async function changeMembers(ctx: SyncContext, event: EventEnvelope): Promise<void> {
  const groupRemoteId = await ensureMapped(ctx, 'Group', event.data.id);
  if (!groupRemoteId) return; // the group is gone here too; its group.deleted follows
  const changed = event.data.members ?? [];
  if (event.type === 'group.members.removed') {
    await ctx.store.removeMembers(groupRemoteId, await mappedMembers(ctx, changed, (m) => ctx.ids.remoteId(m.type, m.value)));
    return;
  }
  // Adding provisions a member the store has not seen yet.
  const members = await mappedMembers(ctx, changed, (m) => ensureMapped(ctx, m.type, m.value));
  try {
    await ctx.store.addMembers(groupRemoteId, members);
  } catch (error) {
    // A member deleted here meanwhile may have been deleted in the store too, by its own user.deleted (events of
    // different resources run in parallel): the store refuses the whole PATCH. Add the members still alive here.
    if (!(error instanceof ConnectorRequestError) || error.status !== 400) throw error;
    const alive = new Set([...(await ctx.local.liveIds('User', ids(changed, 'User'))), ...(await ctx.local.liveIds('Group', ids(changed, 'Group')))]);
    const stillHere = changed.filter((member) => alive.has(member.value));
    if (stillHere.length === changed.length) throw error;
    await ctx.store.addMembers(groupRemoteId, await mappedMembers(ctx, stillHere, (m) => ensureMapped(ctx, m.type, m.value)));
  }
}

function ids(members: EventMemberRef[], type: 'User' | 'Group'): string[] {
  return members.filter((member) => member.type === type).map((member) => member.value);
}

async function mappedMembers(ctx: SyncContext, members: EventMemberRef[], map: (member: EventMemberRef) => Promise<string | undefined>): Promise<RemoteMember[]> {
  const mapped: RemoteMember[] = [];
  for (const member of members) {
    const remoteId = await map(member);
    if (remoteId) mapped.push({ value: remoteId, type: member.type });
  }
  return mapped;
}

/**
 * The store id of one of our resources, provisioning it first from our tables if needed. Events of different
 * resources are not ordered with each other, so a members.added can arrive before its member's user.created;
 * provisioning here keeps the membership, and the later create links to the same account (409 → match).
 */
export async function ensureMapped(ctx: SyncContext, type: 'User' | 'Group', localId: string): Promise<string | undefined> {
  const mapped = await ctx.ids.remoteId(type, localId);
  if (mapped) return mapped;
  const resource = type === 'User' ? await ctx.local.user(localId) : await ctx.local.group(localId);
  if (!resource) return undefined;
  return type === 'User' ? upsertUser(ctx, localId, resource) : upsertGroup(ctx, localId, resource);
}
