import { EntityManager } from 'typeorm';

interface MemberPageRow {
  member_id: string;
  member_type: 'User' | 'Group';
  display: string | null;
}

/**
 * One page of a group's live members, keyset-paged on member_id: the primary key (tenant_id, group_id, member_id)
 * makes every page one index range, so page 100 of a 10,000-member group costs what page 1 does.
 */
export async function groupMembersPage(db: EntityManager, tenantId: string, groupId: string, count: number, after?: string) {
  const rows: MemberPageRow[] = await db.query(
    `SELECT m.member_id, m.member_type,
            CASE m.member_type WHEN 'User' THEN coalesce(u.display_name, u.user_name) ELSE g.display_name END AS display
       FROM scim_group_members m
       LEFT JOIN scim_users u ON m.member_type = 'User' AND u.tenant_id = m.tenant_id AND u.id = m.member_id AND u.deleted_at IS NULL
       LEFT JOIN scim_groups g ON m.member_type = 'Group' AND g.tenant_id = m.tenant_id AND g.id = m.member_id AND g.deleted_at IS NULL
      WHERE m.tenant_id = $1 AND m.group_id = $2 AND ($3::uuid IS NULL OR m.member_id > $3::uuid)
        AND (u.id IS NOT NULL OR g.id IS NOT NULL)
      ORDER BY m.member_id LIMIT $4`,
    [tenantId, groupId, after ?? null, count + 1],
  );
  const page = rows.slice(0, count);
  return {
    items: page.map((row) => ({ value: row.member_id, type: row.member_type, display: row.display })),
    nextCursor: rows.length > count ? page[page.length - 1].member_id : null,
  };
}

/** Live users and groups of a tenant; each count is an index-only scan of the tenant's range. */
export async function directoryCounts(db: EntityManager, tenantId: string): Promise<{ users: number; groups: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM scim_users WHERE tenant_id = $1 AND deleted_at IS NULL) AS users,
            (SELECT count(*) FROM scim_groups WHERE tenant_id = $1 AND deleted_at IS NULL) AS groups`,
    [tenantId],
  );
  return { users: Number(row.users), groups: Number(row.groups) };
}
