import { groupsOfMembers } from '../storage/memberships.repository';
import { Db } from '../storage/sql';
import { UserGroupRef } from './render-user';

/** User.groups of a page of users with one indexed query; callers skip it when groups are not returned. */
export async function loadUserGroups(db: Db, tenantId: string, userIds: string[]): Promise<Map<string, UserGroupRef[]>> {
  const byUser = new Map<string, UserGroupRef[]>();
  for (const row of await groupsOfMembers(db, tenantId, userIds)) {
    const list = byUser.get(row.member_id) ?? [];
    list.push({ value: row.group_id, display: row.display_name });
    byUser.set(row.member_id, list);
  }
  return byUser;
}
