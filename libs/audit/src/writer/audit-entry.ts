import { Actor } from '@provisio/observability';

/**
 * Action names recorded today (docs/audit.md explains each). A new one follows the same `<resource>.<verb>`
 * shape and is added here and in the doc; the column is free text so it needs no migration.
 * `tenant.deleted` goes to the application log only: the tenant's audit log is deleted with it.
 */
export const AUDIT_ACTIONS = [
  'user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.deleted',
  'group.created', 'group.updated', 'group.deleted', 'group.members.added', 'group.members.removed',
  'tenant.created', 'tenant.updated', 'tenant.deleted',
  'token.created', 'token.revoked',
  'oauth_client.created', 'oauth_client.revoked', 'oauth_client.secret_added', 'oauth_client.secret_revoked',
  'webhook.created', 'webhook.updated', 'webhook.deleted', 'webhook.disabled', 'webhook.delivery_replayed',
  'connector.created', 'connector.updated', 'connector.deleted', 'connector.resync_requested',
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
