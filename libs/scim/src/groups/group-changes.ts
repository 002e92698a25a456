import { ScimChange } from '../changes/scim-change';
import { JsonObject } from '../resource-model/json-value';
import { GroupRow } from '../storage/group-row';
import { MemberRow } from '../storage/memberships.repository';
import { MembershipDelta } from './apply-membership';

type GroupIdentity = Pick<GroupRow, 'id' | 'display_name' | 'external_id'>;

function groupChange(action: ScimChange['action'], group: GroupIdentity, before: JsonObject | null, after: JsonObject | null): ScimChange {
  return { action, resourceType: 'Group', resourceId: group.id, resourceName: group.display_name, externalId: group.external_id, before, after };
}

export function groupCreated(group: GroupIdentity, after: JsonObject): ScimChange {
  return groupChange('group.created', group, null, after);
}

export function groupUpdated(group: GroupIdentity, before: JsonObject, after: JsonObject): ScimChange {
  return groupChange('group.updated', group, before, after);
}

export function groupDeleted(group: GroupIdentity, before: JsonObject, summary: string): ScimChange {
  return { ...groupChange('group.deleted', group, before, null), summary };
}

/** One group.members.added and one group.members.removed at most per request, listing the members. */
export function membershipChanges(group: GroupIdentity, delta: MembershipDelta): ScimChange[] {
  const changes: ScimChange[] = [];
  if (delta.removed.length > 0) changes.push(memberEvent('group.members.removed', group, delta.removed));
  if (delta.added.length > 0) changes.push(memberEvent('group.members.added', group, delta.added));
  return changes;
}

function memberEvent(action: 'group.members.added' | 'group.members.removed', group: GroupIdentity, rows: MemberRow[]): ScimChange {
  const members = rows.map((row) => ({ value: row.member_id, type: row.member_type }));
  const verb = action === 'group.members.added' ? 'added' : 'removed';
  return {
    ...groupChange(action, group, null, null),
    members,
    summary: `${members.length} member${members.length === 1 ? '' : 's'} ${verb}`,
  };
}
