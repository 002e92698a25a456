import { DataSource } from 'typeorm';

/** Events deleted per transaction: short transactions, no long lock on anything writers need. */
export const PURGE_BATCH_SIZE = 5000;

/**
 * Deletes a tenant's events older than `cutoff`, oldest first, in batches. Each batch moves the tenant's
 * anchor to the last event it deleted (its sequence and hash) in the same transaction, so verification
 * always starts from the newest deleted event and the remaining chain still checks out.
 *
 * occurred_at never decreases along sequence, so "older than cutoff" is a prefix of the chain: purging never
 * leaves a hole. Only sealed events are purged (an unsealed one is seconds old); the chain head (the sealer's lock)
 * is not touched.
 */
export async function purgeTenantEvents(dataSource: DataSource, tenantId: string, cutoff: Date, batchSize = PURGE_BATCH_SIZE): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await dataSource.transaction(async (tx) => {
      // Two workers purging the same tenant would race on the anchor; one waits for the other instead.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit-purge:' || $1::text, 0))`, [tenantId]);
      const doomed: Array<{ sequence: string; hash: Buffer }> = await tx.query(
        `SELECT sequence, hash FROM audit_events WHERE tenant_id = $1 AND occurred_at < $2 AND sequence IS NOT NULL ORDER BY sequence LIMIT ${batchSize}`,
        [tenantId, cutoff],
      );
      if (!doomed.length) return 0;
      const last = doomed[doomed.length - 1];
      await tx.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND sequence <= $2`, [tenantId, last.sequence]);
      await tx.query(
        `INSERT INTO audit_chain_anchors (tenant_id, sequence, hash, purged_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (tenant_id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, purged_at = EXCLUDED.purged_at
         WHERE audit_chain_anchors.sequence < EXCLUDED.sequence`,
        [tenantId, last.sequence, last.hash],
      );
      // Checkpoints before the anchor name events that are gone: nothing can check them any more.
      await tx.query(`DELETE FROM audit_checkpoints WHERE tenant_id = $1 AND sequence < $2`, [tenantId, last.sequence]);
      return doomed.length;
    });
    deleted += batch;
    if (batch < batchSize) return deleted;
  }
}
