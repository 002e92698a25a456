import { Actor } from '@provisio/observability';

/**
 * Action names recorded today. Other libs add their own (`webhook.*`, `connector.*`) following the same
 * `<resource>.<verb>` shape; the column is free text so a new action needs no migration.
 */
export const AUDIT_ACTIONS = [
  'user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.deleted',
  'group.created', 'group.updated', 'group.deleted', 'group.members.added', 'group.members.removed',
  'tenant.created', 'tenant.updated', 'tenant.deleted',
  'token.created', 'token.revoked',
  'oauth_client.created', 'oauth_client.revoked', 'oauth_client.secret_added', 'oauth_client.secret_revoked',
] as const;

export type AuditOutcome = 'success' | 'failure';

/** What a caller hands to AuditWriter. Request id, client IP, user agent and actor come from the request context. */
export interface AuditEntry {
  tenantId: string;
  /** `user.created`, `token.revoked`, ... (see AUDIT_ACTIONS). */
  action: string;
  /** `User`, `Group`, `Tenant`, `Token`, `OAuthClient`, ... */
  resourceType: string;
  resourceId?: string | null;
  /** userName or displayName at the time of the change. */
  resourceName?: string | null;
  externalId?: string | null;
  /** The resource before and after the change; the writer stores an attribute-level diff, never the whole objects. */
  before?: object | null;
  after?: object | null;
  outcome?: AuditOutcome;
  /** HTTP status of a failure. */
  status?: number;
  /** RFC 7644 §3.12 scimType of a failure. */
  scimType?: string;
  /** A short, safe description (never a request body). */
  summary?: string;
  /** Defaults to the request context's actor; background jobs pass `{ type: 'system', job }`. */
  actor?: Actor;
}
