import { jsonEqual, JsonObject } from '../resource-model/json-value';
import { ScimChange } from '../changes/scim-change';
import { AffectedGroup } from '../storage/memberships.repository';

type UserSnapshot = { id: string; body: JsonObject };

function userChange(action: ScimChange['action'], user: UserSnapshot, before: JsonObject | null, after: JsonObject | null): ScimChange {
  const source = after ?? before ?? user.body;
  return {
    action,
    resourceType: 'User',
    resourceId: user.id,
    resourceName: typeof source.userName === 'string' ? source.userName : null,
    externalId: typeof source.externalId === 'string' ? source.externalId : null,
    before,
    after,
  };
}

export function userCreated(id: string, body: JsonObject): ScimChange {
  return userChange('user.created', { id, body }, null, body);
}

/**
 * The logical changes of an update: user.deactivated / user.reactivated when `active` flips,
 * user.updated when anything else changed too (an Okta PUT that deactivates and renames is both).
 */
export function userUpdated(id: string, before: JsonObject, after: JsonObject): ScimChange[] {
  const changes: ScimChange[] = [];
  const wasActive = before.active !== false;
  const isActive = after.active !== false;
  const othersChanged = !jsonEqual(withoutVolatile(before), withoutVolatile(after));
  if (othersChanged || wasActive === isActive) changes.push(userChange('user.updated', { id, body: after }, before, after));
  if (wasActive && !isActive) changes.push(userChange('user.deactivated', { id, body: after }, before, after));
  if (!wasActive && isActive) changes.push(userChange('user.reactivated', { id, body: after }, before, after));
  return changes;
}

export function userDeleted(id: string, before: JsonObject, summary?: string): ScimChange {
  return { ...userChange('user.deleted', { id, body: before }, before, null), summary };
}

/** A deleted user leaves every group it was in: one group.members.removed per group. */
export function membershipsRemoved(userId: string, groups: AffectedGroup[]): ScimChange[] {
  return groups.map((group) => ({
    action: 'group.members.removed',
    resourceType: 'Group',
    resourceId: group.id,
    resourceName: group.display_name,
    externalId: group.external_id,
    before: null,
    after: null,
    members: [{ value: userId, type: 'User' }],
    summary: 'member removed because the user was deleted',
  }));
}

/** meta and active are compared separately: meta always changes, active has its own events. */
function withoutVolatile(body: JsonObject): JsonObject {
  const { meta: _meta, active: _active, groups: _groups, ...rest } = body;
  return rest;
}
