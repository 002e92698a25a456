import { membersOfGroups } from '../storage/memberships.repository';
import { Db } from '../storage/sql';
import { GroupMemberRef } from './render-group';

/** Members of a page of groups in one query; never called when the answer excludes members. */
export async function loadGroupMembers(db: Db, tenantId: string, groupIds: string[]): Promise<Map<string, GroupMemberRef[]>> {
  const byGroup = new Map<string, GroupMemberRef[]>();
  for (const row of await membersOfGroups(db, tenantId, groupIds)) {
    const list = byGroup.get(row.group_id) ?? [];
    list.push({ value: row.member_id, type: row.member_type, display: row.display });
    byGroup.set(row.group_id, list);
  }
  return byGroup;
}
