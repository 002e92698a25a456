import { isUuid } from '@provisio/database';
import { GROUP_COLUMNS, GroupColumns, GroupRow } from './group-row';
import { MemberRow } from './memberships.repository';
import { Db, queryOne, queryRows } from './sql';

/** scim_groups access; like users, every statement is scoped by tenant_id and skips soft-deleted rows. */

export async function insertGroup(db: Db, tenantId: string, cols: GroupColumns): Promise<GroupRow> {
  const row = await queryOne<GroupRow>(
    db,
    `INSERT INTO scim_groups (tenant_id, display_name, external_id, resource) VALUES ($1, $2, $3, $4) RETURNING ${GROUP_COLUMNS}`,
    [tenantId, cols.displayName, cols.externalId, cols.resource],
  );
  return row!;
}

export async function findGroup(db: Db, tenantId: string, id: string, forUpdate = false): Promise<GroupRow | undefined> {
  if (!isUuid(id)) return undefined;
  return queryOne<GroupRow>(
    db,
    `SELECT ${GROUP_COLUMNS} FROM scim_groups WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, id],
  );
}

/**
 * Writes the group row. Membership changes bump version and last_modified here too (the group's
 * ETag covers its members) without touching anything whose size grows with the group.
 */
export async function updateGroup(db: Db, tenantId: string, id: string, cols: GroupColumns): Promise<GroupRow> {
  const row = await queryOne<GroupRow>(
    db,
    `UPDATE scim_groups SET display_name = $3, external_id = $4, resource = $5, version = version + 1, last_modified = now()
      WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${GROUP_COLUMNS}`,
    [tenantId, id, cols.displayName, cols.externalId, cols.resource],
  );
  if (!row) throw new Error(`group ${id} vanished inside its own transaction`);
  return row;
}

/** A membership change is a change of the group: new version and lastModified, nothing else rewritten. */
export async function bumpGroupVersion(db: Db, tenantId: string, id: string): Promise<GroupRow> {
  const row = await queryOne<GroupRow>(
    db,
    `UPDATE scim_groups SET version = version + 1, last_modified = now() WHERE tenant_id = $1 AND id = $2 RETURNING ${GROUP_COLUMNS}`,
    [tenantId, id],
  );
  return row!;
}

export async function softDeleteGroup(db: Db, tenantId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE scim_groups SET deleted_at = now(), version = version + 1, last_modified = now()
      WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [tenantId, id],
  );
  await db.query(`DELETE FROM scim_group_members WHERE tenant_id = $1 AND group_id = $2`, [tenantId, id]);
}

/** scim_group_members rows of the group go with it (ON DELETE CASCADE). */
export async function hardDeleteGroup(db: Db, tenantId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM scim_groups WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

/**
 * Serialises writers of one displayName in one tenant for the rest of the transaction, so the
 * uniqueness check below cannot race (groups.uniqueDisplayName has no unique index because the
 * setting can be switched off and on).
 */
export async function lockGroupDisplayName(db: Db, tenantId: string, displayName: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || lower($2), 0))`, [tenantId, displayName]);
}

export async function groupDisplayNameTaken(db: Db, tenantId: string, displayName: string, exceptId?: string): Promise<boolean> {
  const row = await queryOne(
    db,
    `SELECT 1 FROM scim_groups
      WHERE tenant_id = $1 AND lower(display_name) = lower($2) AND deleted_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)
      LIMIT 1`,
    [tenantId, displayName, exceptId ?? null],
  );
  return row !== undefined;
}

/** The live users and groups among `ids`, with their type: members must exist in the tenant. */
export async function resolveMembers(db: Db, tenantId: string, ids: string[]): Promise<MemberRow[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return queryRows<MemberRow>(
    db,
    `SELECT id AS member_id, 'User' AS member_type FROM scim_users WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL
     UNION ALL
     SELECT id, 'Group' FROM scim_groups WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
    [tenantId, valid],
  );
}

/**
 * Whether `groupId` is reachable from any of `memberGroupIds` through nested membership: adding
 * such a group would make a cycle. Only runs when Group members are added.
 */
export async function wouldCreateCycle(db: Db, tenantId: string, groupId: string, memberGroupIds: string[]): Promise<boolean> {
  if (memberGroupIds.length === 0) return false;
  if (memberGroupIds.includes(groupId)) return true;
  const row = await queryOne(
    db,
    `WITH RECURSIVE descendants(id) AS (
       SELECT unnest($2::uuid[])
       UNION
       SELECT m.member_id FROM scim_group_members m JOIN descendants d ON m.tenant_id = $1 AND m.group_id = d.id
        WHERE m.member_type = 'Group'
     )
     SELECT 1 FROM descendants WHERE id = $3 LIMIT 1`,
    [tenantId, memberGroupIds, groupId],
  );
  return row !== undefined;
}
