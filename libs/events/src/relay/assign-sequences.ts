import { QueryRunner } from 'typeorm';

/**
 * Numbers the tenant's committed, not yet numbered events after `lastSequence`, oldest insert first, and
 * moves the counter. Runs under the tenant's sequence-row lock, so numbers are handed out one batch after
 * another: a row that commits late simply gets a later number, and no reader can ever see sequence n+1
 * before n (both come from a transaction that committed before the next one took the lock).
 */
export async function assignSequences(qr: QueryRunner, tenantId: string, lastSequence: number, limit: number): Promise<number> {
  const { records: numbered } = await qr.query(
    `WITH pending AS (
       SELECT id, row_number() OVER (ORDER BY position) AS n
       FROM (SELECT id, position FROM outbox_events
             WHERE tenant_id = $1 AND sequence IS NULL
             ORDER BY position LIMIT $3) batch
     )
     UPDATE outbox_events o SET sequence = $2::bigint + pending.n
     FROM pending WHERE o.tenant_id = $1 AND o.id = pending.id
     RETURNING o.id`,
    [tenantId, lastSequence, limit],
    true,
  );
  if (numbered.length) {
    await qr.query(`UPDATE outbox_sequences SET last_sequence = $2 WHERE tenant_id = $1`, [tenantId, lastSequence + numbered.length]);
  }
  return numbered.length;
}
