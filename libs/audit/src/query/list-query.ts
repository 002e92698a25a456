import { AUDIT_EVENT_COLUMNS } from './audit-event-row';
import { AuditEventFilters, filterConditions } from './audit-event-filters';
import { SequenceRange } from './sequence-range';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** One page, newest first: the filters plus "sequence within the time range and below the cursor". */
export function listQuery(tenantId: string, filters: AuditEventFilters, range: SequenceRange, limit: number, cursor?: number): SqlQuery {
  const params: unknown[] = [tenantId];
  // Unsealed events (sequence NULL, sealed within moments of commit) are not listed: the keyset is the sequence.
  const where = [...filterConditions(filters, params), 'sequence IS NOT NULL'];
  const upper = Math.min(range.last, cursor !== undefined ? cursor - 1 : range.last);
  if (range.first > 0) where.push(`sequence >= $${params.push(range.first)}`);
  if (upper < Number.MAX_SAFE_INTEGER) where.push(`sequence <= $${params.push(upper)}`);
  const sql = `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE ${where.join(' AND ')} ORDER BY sequence DESC LIMIT $${params.push(limit + 1)}`;
  return { sql, params };
}
