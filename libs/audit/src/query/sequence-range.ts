import { EntityManager } from 'typeorm';

export interface SequenceRange {
  /** Inclusive bounds; null when the time range holds no event. */
  first: number;
  last: number;
}

export const FIRST_SEQUENCE_FROM_SQL =
  'SELECT sequence FROM audit_events WHERE tenant_id = $1 AND occurred_at >= $2 AND sequence IS NOT NULL ORDER BY occurred_at, sequence LIMIT 1';
export const LAST_SEQUENCE_BEFORE_SQL =
  'SELECT sequence FROM audit_events WHERE tenant_id = $1 AND occurred_at < $2 AND sequence IS NOT NULL ORDER BY occurred_at DESC, sequence DESC LIMIT 1';

/**
 * occurred_at never decreases along a tenant's sequence (the sealer takes GREATEST(own, previous) under the
 * chain head's lock), so a time range is a sequence range. Two index probes on audit_events_time find its ends, and
 * every list and export then walks a sequence-ordered index instead of sorting a time range.
 */
export async function sequenceRange(db: EntityManager, tenantId: string, from?: Date, to?: Date): Promise<SequenceRange | null> {
  let first = 0;
  let last = Number.MAX_SAFE_INTEGER;
  if (from) {
    const rows = await db.query(FIRST_SEQUENCE_FROM_SQL, [tenantId, from]);
    if (!rows.length) return null;
    first = Number(rows[0].sequence);
  }
  if (to) {
    const rows = await db.query(LAST_SEQUENCE_BEFORE_SQL, [tenantId, to]);
    if (!rows.length) return null;
    last = Number(rows[0].sequence);
  }
  return first <= last ? { first, last } : null;
}
