import { isUuid } from '@provisio/database';
import { SqlParams } from '../filter/sql-fragments';
import { MembershipChange } from '../patch/membership-change';
import { GroupMember } from '../resource-model/group-members';
import { invalidValue, noTarget } from '../resource-model/scim-validation-error';
import { resolveMembers, wouldCreateCycle } from '../storage/groups.repository';
import {
  deleteAllMembers,
  deleteMembers,
  deleteMembersExcept,
  deleteMembersWhere,
  insertMembers,
  MemberRow,
} from '../storage/memberships.repository';
import { Db } from '../storage/sql';
import { memberFilterSql } from './member-filter-sql';

export interface MembershipDelta {
  added: MemberRow[];
  removed: MemberRow[];
}

/**
 * Applies the membership changes of a PATCH or PUT in order. Each change is one statement whose cost
 * depends on the members it names, not on the group's size; `removeAll` followed by `add` (Okta's
 * replace of members, a PUT with members) only removes the rows not listed.
 */
export async function applyMembershipChanges(db: Db, tenantId: string, groupId: string, changes: MembershipChange[]): Promise<MembershipDelta> {
  const delta: MembershipDelta = { added: [], removed: [] };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const next = changes[i + 1];
    if (change.op === 'removeAll' && next?.op === 'add') {
      const members = await checkedMembers(db, tenantId, groupId, next.members);
      delta.removed.push(...(await deleteMembersExcept(db, tenantId, groupId, members.map((m) => m.member_id))));
      delta.added.push(...(await insertMembers(db, tenantId, groupId, members)));
      i++;
    } else if (change.op === 'removeAll') {
      delta.removed.push(...(await deleteAllMembers(db, tenantId, groupId)));
    } else if (change.op === 'add') {
      delta.added.push(...(await insertMembers(db, tenantId, groupId, await checkedMembers(db, tenantId, groupId, change.members))));
    } else if (change.op === 'remove') {
      delta.removed.push(...(await deleteMembers(db, tenantId, groupId, change.ids.filter(isUuid))));
    } else {
      const params = new SqlParams(3);
      const sql = memberFilterSql(change.filter, params);
      const removed = await deleteMembersWhere(db, tenantId, groupId, { sql, params: params.values });
      if (change.requireMatch && removed.length === 0) throw noTarget('The members filter matches no member (RFC 7644 §3.5.2.3)');
      delta.removed.push(...removed);
    }
  }
  return delta;
}

/**
 * Members must exist in the tenant: an unknown id is 400 invalidValue (RFC 7644 §3.12), as a group
 * pointing at nothing would break every consumer of the membership. The stored type is the
 * resource's own, whatever the client wrote; a group may not contain itself, directly or nested.
 */
export async function checkedMembers(db: Db, tenantId: string, groupId: string, members: GroupMember[]): Promise<MemberRow[]> {
  if (members.length === 0) return [];
  const found = await resolveMembers(db, tenantId, members.map((member) => member.value));
  const known = new Set(found.map((row) => row.member_id));
  const missing = members.filter((member) => !known.has(member.value.toLowerCase()));
  if (missing.length > 0) {
    const sample = missing.slice(0, 5).map((member) => `"${member.value.slice(0, 64)}"`).join(', ');
    throw invalidValue(`members: no User or Group with id ${sample}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} exists`);
  }
  const groups = found.filter((row) => row.member_type === 'Group').map((row) => row.member_id);
  if (await wouldCreateCycle(db, tenantId, groupId, groups)) throw invalidValue('members: a group cannot contain itself, directly or through nested groups');
  return found;
}
