import { DataSource } from 'typeorm';
import { OrderedTable } from './ordered-row';

/**
 * Open rows well past due and not in flight: their job was never added (Redis was down) or was lost.
 * The sweepers of webhooks and connectors queue them again.
 */
export function overdueRows(
  dataSource: DataSource,
  t: OrderedTable,
  overdueMs: number,
  limit: number,
): Promise<{ tenant_id: string; id: string; attempts: number }[]> {
  return dataSource.query(
    `SELECT tenant_id, id, attempts FROM ${t.table}
      WHERE status IN ('pending', 'failed') AND next_attempt_at < now() - make_interval(secs => $1)
        AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at LIMIT $2`,
    [overdueMs / 1000, limit],
  );
}
