import type { AuditEventContent } from '../chain/event-content';

/**
 * Appends one event to its tenant's chain in a single statement.
 *
 * The upsert on audit_chain_heads takes that tenant's row lock, which is held until the caller's
 * transaction ends: writers of one tenant queue here, other tenants never wait. Sequence, time and
 * hash are all derived from the locked head, so they are gapless, non-decreasing and chained even
 * under concurrent transactions. Because the lock lives until commit, callers record last.
 *
 * Parameters: $1 tenant_id, $2 canonical content (hashed), $3.. the stored columns.
 * The hash formula must match chainHash() in chain/chain-hash.ts.
 */
const MS = (ts: string) => `(extract(epoch FROM ${ts}) * 1000)::bigint::text`;
const HASH = (seq: string, ts: string, previous: string) =>
  `sha256(convert_to(${seq}::text || E'\\n' || ${MS(ts)} || E'\\n' || $2::text, 'UTF8') || ${previous})`;

export const INSERT_AUDIT_EVENT_SQL = `
WITH clock AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS now),
head AS (
  INSERT INTO audit_chain_heads AS h (tenant_id, last_sequence, last_occurred_at, last_hash)
  SELECT $1, 1, clock.now, ${HASH('1', 'clock.now', `'\\x${'00'.repeat(32)}'::bytea`)} FROM clock
  ON CONFLICT (tenant_id) DO UPDATE SET
    last_sequence = h.last_sequence + 1,
    last_occurred_at = GREATEST(EXCLUDED.last_occurred_at, h.last_occurred_at),
    last_hash = ${HASH('(h.last_sequence + 1)', 'GREATEST(EXCLUDED.last_occurred_at, h.last_occurred_at)', 'h.last_hash')}
  RETURNING last_sequence, last_occurred_at, last_hash
)
INSERT INTO audit_events (
  tenant_id, sequence, occurred_at, hash, id, action, outcome, status, scim_type, resource_type,
  resource_id, resource_name, external_id, actor, request_id, client_ip, user_agent, summary, suppressed, changes
)
SELECT $1, head.last_sequence, head.last_occurred_at, head.last_hash,
  $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15, $16, $17, $18::jsonb
FROM head`;

/** Column values in parameter order $3..$18. */
export function insertParameters(content: AuditEventContent): unknown[] {
  return [
    content.id, content.action, content.outcome, content.status, content.scimType, content.resourceType,
    content.resourceId, content.resourceName, content.externalId, JSON.stringify(content.actor),
    content.requestId, content.clientIp, content.userAgent, content.summary, content.suppressed,
    content.changes === null ? null : JSON.stringify(content.changes),
  ];
}
