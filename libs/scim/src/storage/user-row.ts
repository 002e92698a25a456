import { randomUUID } from 'node:crypto';
import { JsonObject } from '../resource-model/json-value';

/** A scim_users row as the repositories select it; password_hash is never selected. */
export interface UserRow {
  id: string;
  user_name: string;
  external_id: string | null;
  active: boolean;
  resource: JsonObject;
  version: number;
  created_at: Date;
  last_modified: Date;
}

export const USER_COLUMNS = 'id, user_name, external_id, active, resource, version, created_at, last_modified';

/** The indexed columns derived from a canonical User resource (hot attributes are indexed columns, docs/architecture.md). */
export interface UserColumns {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  /** Lower-cased email values for the GIN index Entra's emails[type eq "work"].value lookups use. */
  emails: string[];
  resource: JsonObject;
}

/**
 * The row a create will write: the id and the timestamps are chosen here rather than by column defaults, so the
 * resource can be rendered (and its event and audit entry built) before the one statement that stores all three.
 * Timestamps have the stored precision (milliseconds, timestamptz(3)).
 */
export function newUserRow(cols: UserColumns): UserRow {
  const now = new Date();
  return { id: randomUUID(), user_name: cols.userName, external_id: cols.externalId, active: cols.active, resource: cols.resource, version: 1, created_at: now, last_modified: now };
}

export function userColumns(resource: JsonObject): UserColumns {
  const emails = Array.isArray(resource.emails) ? resource.emails : [];
  return {
    userName: String(resource.userName),
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    displayName: typeof resource.displayName === 'string' ? resource.displayName : null,
    // An unassigned active is an active user: IdPs deactivate explicitly with active=false.
    active: resource.active !== false,
    emails: emails
      .map((email) => (email && typeof email === 'object' ? (email as JsonObject).value : undefined))
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.toLowerCase()),
    resource,
  };
}
