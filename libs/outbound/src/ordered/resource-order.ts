import { EntityManager } from 'typeorm';
import { OrderedRow, OrderedTable } from './ordered-row';

/**
 * Per-resource order to one target: a row is not sent while an earlier one (lower event sequence) of the same
 * resource to the same target is still open, and a row that finishes wakes the next one.
 *
 * Both the "may I go?" check and the "I finished, who is next?" step run under this transaction-scoped advisory
 * lock on (target, resource), so a row cannot check just before its predecessor finishes and then never be
 * woken. Different resources and targets never contend.
 */
async function lockResource(tx: EntityManager, t: OrderedTable, targetId: string, resourceKey: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7217))`, [`${t.table}/${targetId}/${resourceKey}`]);
}

/** Reads the row, takes the (target, resource) lock, then re-reads it locked: the lock key needs the row first. */
export async function loadLocked(tx: EntityManager, t: OrderedTable, tenantId: string, id: string): Promise<OrderedRow | undefined> {
  const [unlocked]: OrderedRow[] = await tx.query(
    `SELECT ${t.target} AS target_id, resource_key FROM ${t.table} WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  if (!unlocked) return undefined;
  await lockResource(tx, t, unlocked.target_id, unlocked.resource_key);
  const [row]: OrderedRow[] = await tx.query(
    `SELECT *, ${t.target} AS target_id FROM ${t.table} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, id],
  );
  return row;
}

export async function hasOpenPredecessor(tx: EntityManager, t: OrderedTable, row: OrderedRow): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM ${t.table}
      WHERE tenant_id = $1 AND ${t.target} = $2 AND resource_key = $3 AND event_sequence < $4 AND status IN ('pending', 'failed')
      LIMIT 1`,
    [row.tenant_id, row.target_id, row.resource_key, row.event_sequence],
  );
  return rows.length > 0;
}

/** The open row of the same resource that comes right after this one, if any. */
export async function nextOpenSuccessor(tx: EntityManager, t: OrderedTable, row: OrderedRow): Promise<string | undefined> {
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM ${t.table}
      WHERE tenant_id = $1 AND ${t.target} = $2 AND resource_key = $3 AND event_sequence > $4 AND status IN ('pending', 'failed')
      ORDER BY event_sequence
      LIMIT 1`,
    [row.tenant_id, row.target_id, row.resource_key, row.event_sequence],
  );
  return rows[0]?.id;
}
