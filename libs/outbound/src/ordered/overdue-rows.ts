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

export interface OpenRowRef {
  tenant_id: string;
  id: string;
  attempts: number;
  /** When the row may next be tried: its due time, or the end of its lease if one is in flight. */
  ready_at: Date;
}

/**
 * One page of every open row, due or not, in flight or not, after `after` (keyset on tenant_id, id). For
 * re-queuing everything after Redis lost its data: a job added with a delay up to `ready_at` then finds
 * the row as it would have.
 */
export function openRowsPage(
  dataSource: DataSource,
  t: OrderedTable,
  after: { tenant_id: string; id: string } | null,
  limit: number,
): Promise<OpenRowRef[]> {
  return dataSource.query(
    `SELECT tenant_id, id, attempts, greatest(next_attempt_at, coalesce(lease_until, next_attempt_at)) AS ready_at
       FROM ${t.table}
      WHERE status IN ('pending', 'failed') AND ($1::uuid IS NULL OR (tenant_id, id) > ($1::uuid, $2::uuid))
      ORDER BY tenant_id, id LIMIT $3`,
    [after?.tenant_id ?? null, after?.id ?? null, limit],
  );
}
