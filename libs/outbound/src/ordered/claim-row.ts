import { EntityManager } from 'typeorm';
import { isFinal, OrderedRow, OrderedTable } from './ordered-row';
import { hasOpenPredecessor, loadLocked, nextOpenSuccessor } from './resource-order';

export type Claim =
  | { kind: 'gone' }
  /** Already final (a duplicate job): wake the next one in case that was lost. */
  | { kind: 'final'; row: OrderedRow; successorId?: string }
  | { kind: 'busy' }
  | { kind: 'not-due' }
  | { kind: 'blocked' }
  | { kind: 'go'; row: OrderedRow };

/** A job that fires a little early (clocks, a wake-up) still runs; one far ahead of a Retry-After does not. */
const EARLY_TOLERANCE_MS = 5000;

/**
 * Decides, under the (target, resource) lock, whether this job may make an attempt now. Call inside a
 * transaction; on 'go', check the target, then takeLease() or markDeadUnsent() in the same transaction.
 */
export async function claimRow(tx: EntityManager, t: OrderedTable, tenantId: string, id: string, now: Date): Promise<Claim> {
  const row = await loadLocked(tx, t, tenantId, id);
  if (!row) return { kind: 'gone' };
  if (isFinal(row.status)) return { kind: 'final', row, successorId: await nextOpenSuccessor(tx, t, row) };
  if (row.lease_until && row.lease_until > now) return { kind: 'busy' };
  if (row.next_attempt_at.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { kind: 'not-due' };
  if (await hasOpenPredecessor(tx, t, row)) return { kind: 'blocked' };
  return { kind: 'go', row };
}

/**
 * Marks the row as in flight so a duplicate job cannot send it concurrently. The lease outlives the request's
 * timeouts; if the worker dies mid-request, the stalled job is retried after the lease ran out.
 */
export async function takeLease(tx: EntityManager, t: OrderedTable, row: OrderedRow, leaseMs: number, now: Date): Promise<OrderedRow> {
  await tx.query(
    `UPDATE ${t.table} SET lease_until = $3, first_attempt_at = coalesce(first_attempt_at, $4) WHERE tenant_id = $1 AND id = $2`,
    [row.tenant_id, row.id, new Date(now.getTime() + leaseMs), now],
  );
  return { ...row, first_attempt_at: row.first_attempt_at ?? now };
}

/** A row whose target was disabled or removed before it could go out: dead without an attempt, replayable later. */
export async function markDeadUnsent(tx: EntityManager, t: OrderedTable, row: OrderedRow, reason: string): Promise<string | undefined> {
  await tx.query(
    `UPDATE ${t.table} SET status = 'dead', last_error = $3, lease_until = NULL, completed_at = now() WHERE tenant_id = $1 AND id = $2`,
    [row.tenant_id, row.id, reason],
  );
  return nextOpenSuccessor(tx, t, row);
}
