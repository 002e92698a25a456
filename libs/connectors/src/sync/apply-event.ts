import { EventEnvelope } from '@provisio/events';
import { ConnectorProtocolError, LocalResource, RemoteMember, UserStoreConnector } from '../connector';
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
  const members: RemoteMember[] = [];
  for (const member of event.data.members ?? []) {
    // Removing needs only an existing mapping; adding provisions a member the store has not seen yet.
    const remoteId = event.type === 'group.members.removed'
      ? await ctx.ids.remoteId(member.type, member.value)
      : await ensureMapped(ctx, member.type, member.value);
    if (remoteId) members.push({ value: remoteId, type: member.type });
  }
  if (event.type === 'group.members.added') await ctx.store.addMembers(groupRemoteId, members);
  else await ctx.store.removeMembers(groupRemoteId, members);
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
