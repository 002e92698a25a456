import { DataSource } from 'typeorm';

const PURGE_BATCH = 5000;

/**
 * Deletes events past each tenant's settings.events.retentionDays (30 by default), in batches so no statement
 * holds many row locks. Only a prefix of the sequence is ever removed: everything before the tenant's oldest
 * event that is still within retention or not yet handed to every subscriber. The pull API therefore never
 * has holes in the middle, and an event still owed to a subscriber is kept whatever its age.
 * Returns how many were deleted.
 */
export async function purgeExpiredEvents(dataSource: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown, number] = await dataSource.query(
      `WITH horizon AS (
         SELECT t.id AS tenant_id,
                (SELECT min(o.sequence) FROM outbox_events o
                 WHERE o.tenant_id = t.id AND o.sequence IS NOT NULL
                   AND (o.dispatched_at IS NULL
                        OR o.occurred_at >= now() - make_interval(days => COALESCE((t.settings->'events'->>'retentionDays')::int, 30)))
                ) AS keep_from
         FROM tenants t
         WHERE EXISTS (SELECT 1 FROM outbox_events x WHERE x.tenant_id = t.id AND x.sequence IS NOT NULL)
       )
       DELETE FROM outbox_events
       WHERE (tenant_id, id) IN (
         SELECT o.tenant_id, o.id FROM outbox_events o JOIN horizon h ON h.tenant_id = o.tenant_id
         WHERE o.sequence IS NOT NULL AND (h.keep_from IS NULL OR o.sequence < h.keep_from)
         LIMIT $1)`,
      [PURGE_BATCH],
    );
    total += deleted;
    if (deleted < PURGE_BATCH) return total;
  }
}
