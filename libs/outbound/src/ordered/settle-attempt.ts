import { EntityManager } from 'typeorm';
import { AttemptVerdict, nextRetryDelay, RetrySettings } from '../retry-policy';
import { DeliveryStatus, OrderedRow, OrderedTable } from './ordered-row';
import { loadLocked, nextOpenSuccessor } from './resource-order';

export interface AttemptSummary {
  startedAt: Date;
  statusCode: number | null;
  error: string | null;
  verdict: AttemptVerdict;
}

export interface Settled {
  row: OrderedRow;
  status: DeliveryStatus;
  /** Set when another attempt is scheduled. */
  retryInMs?: number;
  /** The next open row of the same resource, to wake now that this one is final. */
  successorId?: string;
}

/**
 * Moves a row on after an attempt: succeeded, failed with the next attempt scheduled, or dead (a permanent
 * failure, or the retry window is over). Runs under the (target, resource) lock; undefined if the row is gone.
 */
export async function settleAttempt(
  tx: EntityManager,
  t: OrderedTable,
  tenantId: string,
  id: string,
  attempt: AttemptSummary,
  settings: RetrySettings,
): Promise<Settled | undefined> {
  const row = await loadLocked(tx, t, tenantId, id);
  if (!row) return undefined; // the target was deleted while the request was in flight
  const attempts = row.attempts + 1;
  let status: DeliveryStatus = 'succeeded';
  let retryInMs: number | undefined;
  if (attempt.verdict.kind === 'retry') {
    const delay = nextRetryDelay(settings, attempts, row.first_attempt_at ?? attempt.startedAt, attempt.verdict.retryAfterMs);
    status = delay === null ? 'dead' : 'failed';
    retryInMs = delay ?? undefined;
  } else if (attempt.verdict.kind === 'permanent') {
    status = 'dead';
  }
  const now = Date.now();
  await tx.query(
    `UPDATE ${t.table}
        SET status = $3, attempts = $4, last_attempt_at = $5, last_status_code = $6, last_error = $7, lease_until = NULL,
            next_attempt_at = $8, completed_at = $9
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, status, attempts, attempt.startedAt, attempt.statusCode, attempt.error,
      new Date(now + (retryInMs ?? 0)), status === 'failed' ? null : new Date(now)],
  );
  const successorId = status === 'failed' ? undefined : await nextOpenSuccessor(tx, t, row);
  return { row: { ...row, attempts, status }, status, retryInMs, successorId };
}

/** Puts a finished row back in line with a fresh retry window; its attempt count and log continue. */
export async function reopenForReplay(tx: EntityManager, t: OrderedTable, tenantId: string, id: string): Promise<OrderedRow | undefined> {
  const [rows]: OrderedRow[][] = await tx.query(
    `UPDATE ${t.table}
        SET status = 'pending', first_attempt_at = NULL, next_attempt_at = now(), completed_at = NULL, lease_until = NULL
      WHERE tenant_id = $1 AND id = $2 RETURNING *, ${t.target} AS target_id`,
    [tenantId, id],
  );
  return rows[0];
}
