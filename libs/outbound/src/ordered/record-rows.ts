import { EntityManager } from 'typeorm';
import { DeliveryJob, orderedJobId } from '../delivery-queue';
import { OrderedTable } from './ordered-row';

/** One event as an ordered-delivery table stores it; `payload` is the exact body to send. */
export interface OrderedEventRef {
  id: string;
  type: string;
  sequence: number;
  /** "User/<id>" or "Group/<id>": rows of one resource to one target go out in sequence order. */
  resourceKey: string;
  payload: string;
}

/**
 * The targets of a batch, as a JOIN onto the events `e(id, type, sequence, resource_key, payload)`: `tg.id` is
 * the target's id and `$1` the tenant. A constant of the owning lib, never input: it is spliced into SQL.
 */
export type TargetJoin = string;

interface RecordedRow {
  id: string;
  target_id: string;
  resource_key: string;
  event_sequence: string;
}

/**
 * One row per (event, target) for a whole batch of a tenant's events in ONE statement, and the jobs that start
 * delivering them: only the first new row of each (target, resource), since a row that finishes wakes its
 * successor (resource-order.ts) and a job for a later row would only find it blocked. Idempotent: a row that
 * exists already is neither inserted nor queued again.
 */
export async function recordOrderedRows(
  tx: EntityManager,
  t: OrderedTable,
  targets: TargetJoin,
  tenantId: string,
  events: OrderedEventRef[],
): Promise<DeliveryJob[]> {
  if (events.length === 0) return [];
  const rows: RecordedRow[] = await tx.query(
    `INSERT INTO ${t.table} (tenant_id, ${t.target}, event_id, event_type, event_sequence, resource_key, payload)
     SELECT $1, tg.id, e.id, e.type, e.sequence, e.resource_key, e.payload
       FROM unnest($2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS e(id, type, sequence, resource_key, payload)
       ${targets}
      ORDER BY e.sequence
     ON CONFLICT (tenant_id, ${t.target}, event_id) DO NOTHING
     RETURNING id, ${t.target} AS target_id, resource_key, event_sequence`,
    [
      tenantId,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.sequence),
      events.map((e) => e.resourceKey),
      events.map((e) => e.payload),
    ],
  );
  return firstPerResource(rows).map((row) => ({ data: { tenantId, deliveryId: row.id }, jobId: orderedJobId.attempt(row.id, 0) }));
}

function firstPerResource(rows: RecordedRow[]): RecordedRow[] {
  const first = new Map<string, RecordedRow>();
  for (const row of rows) {
    const key = `${row.target_id}/${row.resource_key}`;
    const seen = first.get(key);
    if (!seen || Number(row.event_sequence) < Number(seen.event_sequence)) first.set(key, row);
  }
  return [...first.values()];
}
