import { isUuid, SqlStatement } from '@provisio/database';
import { Db, queryOne, queryRows } from './sql';
import { USER_COLUMNS, UserColumns, UserRow } from './user-row';

/**
 * scim_users access. Every statement carries tenant_id first, matching the primary key and indexes,
 * and soft-deleted rows (deleted_at set) are invisible to SCIM (RFC 7644 §3.6).
 */

/**
 * The INSERT of a new user, for ChangeJournal.insertAndRecord to send with its outbox event and audit entry as
 * one statement. Id and timestamps come from `row` (chosen by the caller, who renders the resource before it is
 * written). The partial unique index (tenant_id, lower(user_name)) decides races: of two concurrent creates of
 * the same userName exactly one inserts, the other raises unique_violation (23505) on USER_NAME_UNIQUE_INDEX.
 */
export function insertUserStatement(tenantId: string, row: UserRow, cols: UserColumns, passwordHash: string | null): SqlStatement {
  return {
    sql: `INSERT INTO scim_users (tenant_id, id, user_name, external_id, display_name, active, emails, resource, password_hash, version, created_at, last_modified)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
          RETURNING id`,
    params: [tenantId, row.id, cols.userName, cols.externalId, cols.displayName, cols.active, cols.emails, cols.resource, passwordHash, row.version, row.created_at],
  };
}

/** The unique index that makes userName unique per tenant regardless of case (RFC 7643 §4.1.1). */
export const USER_NAME_UNIQUE_INDEX = 'scim_users_user_name_ci';

export async function findUser(db: Db, tenantId: string, id: string, forUpdate = false): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  return queryOne<UserRow>(
    db,
    `SELECT ${USER_COLUMNS} FROM scim_users WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [tenantId, id],
  );
}

/** Which of `ids` are live users of the tenant (member validation, manager checks). */
export async function existingUserIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM scim_users WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
    [tenantId, valid],
  );
  return new Set(rows.map((row) => row.id));
}

/** Replaces the stored resource; a userName taken by another user raises unique_violation (23505). */
export async function updateUser(db: Db, tenantId: string, id: string, cols: UserColumns, passwordHash: string | null): Promise<UserRow> {
  const row = await queryOne<UserRow>(
    db,
    `UPDATE scim_users
        SET user_name = $3, external_id = $4, display_name = $5, active = $6, emails = $7, resource = $8,
            password_hash = COALESCE($9, password_hash), version = version + 1, last_modified = now()
      WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL
      RETURNING ${USER_COLUMNS}`,
    [tenantId, id, cols.userName, cols.externalId, cols.displayName, cols.active, cols.emails, cols.resource, passwordHash],
  );
  if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
  return row;
}

/** Soft delete keeps the row for audit and history; the partial unique index releases the userName. */
export async function softDeleteUser(db: Db, tenantId: string, id: string): Promise<void> {
  await db.query(
    `UPDATE scim_users SET deleted_at = now(), version = version + 1, last_modified = now()
      WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [tenantId, id],
  );
}

export async function hardDeleteUser(db: Db, tenantId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM scim_users WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}
