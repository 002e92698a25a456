import type { AuditEventContent } from '../chain/event-content';

/**
 * Inserts one event, unsealed, inside the change's transaction: a plain INSERT that takes no lock another writer
 * waits on, so a tenant's writers commit side by side. `sequence` and `hash` stay NULL until the sealer
 * (sealer/audit-sealer.ts) numbers and chains committed events after commit; `occurred_at` is the database
 * clock at this statement (the column default), and `position` the insert order the sealer reads them in.
 *
 * Parameters: $1 tenant_id, $2..$17 the stored columns (insertParameters). A single statement with parameters
 * only, so it composes with the change's other inserts.
 */
export const AUDIT_EVENT_INSERT_COLUMNS = [
  'tenant_id', 'id', 'action', 'outcome', 'status', 'scim_type', 'resource_type', 'resource_id', 'resource_name',
  'external_id', 'actor', 'request_id', 'client_ip', 'user_agent', 'summary', 'suppressed', 'changes',
] as const;

export const INSERT_AUDIT_EVENT_SQL = `
INSERT INTO audit_events (${AUDIT_EVENT_INSERT_COLUMNS.join(', ')})
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17::jsonb)`;

/** Column values in parameter order $2..$17 ($1 is the tenant id). */
export function insertParameters(content: AuditEventContent): unknown[] {
  return [
    content.id, content.action, content.outcome, content.status, content.scimType, content.resourceType,
    content.resourceId, content.resourceName, content.externalId, JSON.stringify(content.actor),
    content.requestId, content.clientIp, content.userAgent, content.summary, content.suppressed,
    content.changes === null ? null : JSON.stringify(content.changes),
  ];
}
