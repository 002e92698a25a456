import { EntityManager } from 'typeorm';
import { EventEnvelope } from '../event-envelope';

/** A batch of one tenant's events as the relay hands it to each subscriber, oldest sequence first. */
export interface EventBatch {
  tenantId: string;
  events: EventEnvelope[];
  /** `JSON.stringify(events[i])`, computed once for every subscriber: the exact bytes to store and send. */
  payloads: string[];
}

/** Work to do once the relay's transaction has committed (queue wake-up jobs); it must not throw to matter. */
export type AfterCommit = () => Promise<void>;

/**
 * A consumer of provisioning events inside apps/worker (webhooks, connectors).
 *
 * The relay numbers a tenant's committed events and, in the same transaction (the tenant's relay lock held),
 * calls `record` of every subscriber with the next batch, then marks the batch dispatched. So:
 * - `record` is set-based: one statement for the whole batch (e.g. one INSERT … SELECT of a delivery row per
 *   event × target). It runs in the relay's transaction (`tx`): rows it writes commit with the dispatch mark, or
 *   not at all, and the batch is offered again.
 * - Batches of a tenant come one after another in sequence order, so rows of one resource are written in commit
 *   order. Sending order per (target, resource) is then the job of libs/outbound's ordered claim.
 * - Different tenants are relayed in parallel, by any number of workers.
 * - Slow remote calls never belong here: record the work, wake your own queue in the returned AfterCommit. If
 *   that wake-up fails (Redis down) the relay retries it; the rows are the truth, and your sweeper covers a
 *   wake-up lost for good.
 * - At least once: a relay that dies after commit and before its AfterCommit ran leaves rows without a job
 *   (the sweeper's case); `record` is never called twice for a dispatched event, but make it idempotent on
 *   (target, event id) anyway.
 * Cross-resource order is not promised: a group.members.added may arrive before the user.created of the member.
 */
export interface EventSubscriber {
  /** Stable and unique (logs, registry). */
  readonly name: string;
  record(tx: EntityManager, batch: EventBatch): Promise<AfterCommit | void>;
}

/** The batch as rows of an ordered-delivery table (libs/outbound recordOrderedRows): one per event, in order. */
export function batchRows(batch: EventBatch): { id: string; type: string; sequence: number; resourceKey: string; payload: string }[] {
  return batch.events.map((event, i) => ({
    id: event.id,
    type: event.type,
    sequence: event.sequence,
    resourceKey: `${event.data.resourceType}/${event.data.id}`,
    payload: batch.payloads[i],
  }));
}
