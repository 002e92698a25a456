import { DataSource, EntityManager } from 'typeorm';
import { DeliveryJob, DeliveryJobData, orderedJobId } from '../delivery-queue';
import { RetrySettings } from '../retry-policy';
import { claimRow, markDeadUnsent, takeLease } from './claim-row';
import { OrderedRow, OrderedTable } from './ordered-row';
import { AttemptSummary, Settled, settleAttempt } from './settle-attempt';

/** Whether the row's target (endpoint, connector) can take it now; checked under the claim's lock. */
export type TargetCheck<T> = { kind: 'go'; target: T } | { kind: 'gone' } | { kind: 'disabled'; reason: string };

/**
 * What one kind of ordered delivery adds to the shared runner: its table, how to find and reach its target, and
 * what to record beside the row's own state. Webhooks and connectors are such adapters.
 */
export interface OrderedDeliveryAdapter<T, A extends AttemptSummary = AttemptSummary> {
  readonly table: OrderedTable;
  /** How long an attempt may take before another job may assume its worker died; outlives the request's timeouts. */
  readonly leaseMs: number;
  readonly queue: { add(jobs: DeliveryJob[]): Promise<void> };
  target(tx: EntityManager, row: OrderedRow): Promise<TargetCheck<T>>;
  /** Before the lease is taken, e.g. log an attempt a dead worker left unrecorded. */
  beforeLease?(tx: EntityManager, row: OrderedRow): Promise<OrderedRow>;
  /** The attempt itself (remote calls, outside any transaction). Never throws: failures are results. */
  attempt(row: OrderedRow, target: T): Promise<A>;
  /** In the settle transaction, after the row moved on: attempt log, target health. */
  recorded(tx: EntityManager, settled: Settled, attempt: A, target: T): Promise<void>;
  /** After the settle transaction committed: log lines. */
  afterSettle?(settled: Settled, attempt: A, target: T): void;
}

/** Another job holds the lease on this row; BullMQ retries this job after its backoff. */
export class OrderedRowBusyError extends Error {
  constructor(table: string, id: string) {
    super(`${table} row ${id} is being attempted by another job`);
  }
}

export type RunOutcome = 'gone' | 'final' | 'not-due' | 'blocked' | Settled['status'];

/**
 * The ordered-delivery state machine, once for every kind: claim the row under its (target, resource) lock
 * (state, lease, due time, per-resource order, target enabled), make the attempt outside any transaction,
 * settle it (succeeded, failed with the next attempt scheduled, or dead), then queue the retry or wake the
 * resource's next row. Runs one job; throws only to make BullMQ retry (busy row, database or Redis errors).
 */
export class OrderedDeliveryRunner<T, A extends AttemptSummary = AttemptSummary> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adapter: OrderedDeliveryAdapter<T, A>,
    private readonly retry: RetrySettings,
  ) {}

  async run({ tenantId, deliveryId }: DeliveryJobData): Promise<RunOutcome> {
    const { table } = this.adapter;
    const claim = await this.dataSource.transaction((tx) => this.claim(tx, tenantId, deliveryId, new Date()));
    if (claim.kind === 'busy') throw new OrderedRowBusyError(table.table, deliveryId);
    if (claim.kind === 'final') await this.wake(claim.row, claim.successorId);
    if (claim.kind !== 'go') return claim.kind;

    const attempt = await this.adapter.attempt(claim.row, claim.target);
    const settled = await this.dataSource.transaction(async (tx) => {
      const outcome = await settleAttempt(tx, table, tenantId, deliveryId, attempt, this.retry);
      if (outcome) await this.adapter.recorded(tx, outcome, attempt, claim.target);
      return outcome;
    });
    if (!settled) return 'gone'; // the target was deleted while the attempt was in flight
    this.adapter.afterSettle?.(settled, attempt, claim.target);
    if (settled.retryInMs !== undefined) {
      await this.adapter.queue.add([{ data: { tenantId, deliveryId }, jobId: orderedJobId.attempt(deliveryId, settled.row.attempts), delayMs: settled.retryInMs }]);
    } else {
      await this.wake(settled.row, settled.successorId);
    }
    return settled.status;
  }

  private async claim(tx: EntityManager, tenantId: string, id: string, now: Date) {
    const { table, leaseMs } = this.adapter;
    const claim = await claimRow(tx, table, tenantId, id, now);
    if (claim.kind !== 'go') return claim;
    const check = await this.adapter.target(tx, claim.row);
    if (check.kind === 'gone') return check;
    if (check.kind === 'disabled') {
      // Dead without an attempt, replayable later; the resource's next row may go (and will meet the same fate).
      return { kind: 'final' as const, row: claim.row, successorId: await markDeadUnsent(tx, table, claim.row, check.reason) };
    }
    const row = this.adapter.beforeLease ? await this.adapter.beforeLease(tx, claim.row) : claim.row;
    return { kind: 'go' as const, row: await takeLease(tx, table, row, leaseMs, now), target: check.target };
  }

  private async wake(row: OrderedRow, successorId: string | undefined): Promise<void> {
    if (!successorId) return;
    await this.adapter.queue.add([{ data: { tenantId: row.tenant_id, deliveryId: successorId }, jobId: orderedJobId.after(successorId, row.id, row.attempts) }]);
  }
}
