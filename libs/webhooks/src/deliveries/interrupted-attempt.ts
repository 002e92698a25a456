import { EntityManager } from 'typeorm';
import { DeliveryRow, WEBHOOK_DELIVERIES } from './delivery-row';

export const INTERRUPTED_ERROR = 'interrupted: the worker stopped before recording the outcome; the receiver may have got it';

/**
 * A row that still holds an expired lease was being sent by a worker that died (or lost Postgres) before it could
 * record the outcome: settling an attempt always clears the lease. That attempt is logged now, as failed with an
 * unknown outcome, so the log shows every request we may have made. Its start is the lease's start.
 */
export async function logInterruptedAttempt(tx: EntityManager, row: DeliveryRow, leaseMs: number): Promise<DeliveryRow> {
  if (!row.lease_until) return row;
  const attempts = row.attempts + 1;
  const startedAt = new Date(row.lease_until.getTime() - leaseMs);
  await tx.query(
    `UPDATE ${WEBHOOK_DELIVERIES.table} SET attempts = $3, last_attempt_at = $4, last_status_code = NULL, last_error = $5, lease_until = NULL
      WHERE tenant_id = $1 AND id = $2`,
    [row.tenant_id, row.id, attempts, startedAt, INTERRUPTED_ERROR],
  );
  await tx.query(
    `INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempt, started_at, status_code, latency_ms, outcome, error, response_excerpt)
     VALUES ($1, $2, $3, $4, NULL, $5, 'failed', $6, NULL)`,
    [row.tenant_id, row.id, attempts, startedAt, leaseMs, INTERRUPTED_ERROR],
  );
  return { ...row, attempts, lease_until: null, last_attempt_at: startedAt, last_status_code: null, last_error: INTERRUPTED_ERROR };
}
