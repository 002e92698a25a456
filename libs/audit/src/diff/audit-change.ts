/**
 * One attribute-level change. Paths use SCIM notation (RFC 7644 §3.10 and §3.5.2): `name.givenName`,
 * `emails[value eq "a@example.com" and type eq "work"].primary`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`, `members[value eq "<id>" and type eq "User"]`.
 */
export interface AuditChange {
  path: string;
  op: 'add' | 'remove' | 'replace' | 'truncated';
  before?: unknown;
  after?: unknown;
  /** Only on the `truncated` marker: how many further changes were not stored. */
  omitted?: number;
}

/** A bulk membership change can touch thousands of values; the event keeps the first ones and counts the rest. */
export const MAX_STORED_CHANGES = 500;
