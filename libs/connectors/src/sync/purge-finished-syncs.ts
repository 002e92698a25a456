import { DataSource } from 'typeorm';

/** Finished syncs are kept this long for the sync state and troubleshooting; open ones are never purged. */
export const FINISHED_SYNC_RETENTION_DAYS = 30;
const BATCH = 5000;

/**
 * Deletes succeeded and dead syncs finished more than the retention ago, one batch per call, so the table
 * does not grow with every event forever. Only final rows go: per-resource order looks at open rows only.
 */
export async function purgeFinishedSyncs(dataSource: DataSource, retentionDays = FINISHED_SYNC_RETENTION_DAYS): Promise<number> {
  const [, deleted]: [unknown, number] = await dataSource.query(
    `DELETE FROM connector_syncs WHERE (tenant_id, id) IN (
       SELECT tenant_id, id FROM connector_syncs
        WHERE status IN ('succeeded', 'dead') AND completed_at < now() - make_interval(days => $1)
        LIMIT $2)`,
    [retentionDays, BATCH],
  );
  return deleted;
}
