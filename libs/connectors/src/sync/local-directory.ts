import { EntityManager } from 'typeorm';
import { LocalResource } from '../connector';

/**
 * Reads our own users, groups and memberships straight from the shared SCIM tables (migrations
 * 1763884900000-CreateScimResources): connectors consume SCIM's data, never its code. `resource` holds the
 * SCIM representation without id; soft-deleted rows (deleted_at) are gone for every consumer.
 */
export class LocalDirectory {
  constructor(
    private readonly db: EntityManager,
    private readonly tenantId: string,
  ) {}

  async user(id: string): Promise<LocalResource | undefined> {
    const [row] = await this.db.query(
      `SELECT id, user_name, external_id, active, resource FROM scim_users WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [this.tenantId, id],
    );
    return row ? userResource(row) : undefined;
  }

  async group(id: string): Promise<LocalResource | undefined> {
    const [row] = await this.db.query(
      `SELECT id, display_name, external_id, resource FROM scim_groups WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [this.tenantId, id],
    );
    return row ? groupResource(row) : undefined;
  }

  /** Keyset pages of every live user, so a resync of a large tenant never loads it all at once. */
  async usersAfter(afterId: string | null, limit: number): Promise<LocalResource[]> {
    const rows = await this.db.query(
      `SELECT id, user_name, external_id, active, resource FROM scim_users
        WHERE tenant_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [this.tenantId, afterId, limit],
    );
    return rows.map(userResource);
  }

  async groupsAfter(afterId: string | null, limit: number): Promise<LocalResource[]> {
    const rows = await this.db.query(
      `SELECT id, display_name, external_id, resource FROM scim_groups
        WHERE tenant_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [this.tenantId, afterId, limit],
    );
    return rows.map(groupResource);
  }

  /** Which of these ids are still live users or groups here (resync deletes the store's copies of the rest). */
  async liveIds(type: 'User' | 'Group', ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const table = type === 'User' ? 'scim_users' : 'scim_groups';
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM ${table} WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) AND deleted_at IS NULL`,
      [this.tenantId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async members(groupId: string): Promise<{ id: string; type: 'User' | 'Group' }[]> {
    const rows: { member_id: string; member_type: 'User' | 'Group' }[] = await this.db.query(
      `SELECT member_id, member_type FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2`,
      [this.tenantId, groupId],
    );
    return rows.map((row) => ({ id: row.member_id, type: row.member_type }));
  }
}

interface UserRow { id: string; user_name: string; external_id: string | null; active: boolean; resource: Record<string, unknown> }
interface GroupRow { id: string; display_name: string; external_id: string | null; resource: Record<string, unknown> }

/** Columns win over the jsonb copy for the attributes they index. */
function userResource(row: UserRow): LocalResource {
  return { ...row.resource, id: row.id, userName: row.user_name, active: row.active };
}

function groupResource(row: GroupRow): LocalResource {
  return { ...row.resource, id: row.id, displayName: row.display_name };
}
