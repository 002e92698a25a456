import { EventEnvelope } from '../event-envelope';

/** Facts about the current hand-off of one event to one subscriber. */
export interface EventHandleContext {
  /** 1 on the first try of this event for this subscriber, 2 after one failure, and so on. */
  attempt: number;
}

/**
 * A consumer of provisioning events inside apps/worker (webhooks, connectors).
 *
 * Guarantees (see EventFanOutService):
 * - `handle` sees the events of one resource (tenant, resourceType, id) one at a time in commit order: the
 *   next event of that resource is not handed to any subscriber before this one resolved for every subscriber.
 * - Different resources are handled in parallel (events are partitioned by resource).
 * - At least once: after a worker crash the same event (same `id`) can be handed over again, so make `handle`
 *   idempotent on `event.id` (e.g. a unique (destination, event_id) row).
 * - If `handle` throws, the event is retried with backoff before any later event of its partition; subscribers
 *   that already succeeded for it are not called again.
 *
 * Keep `handle` short (a few database writes). Slow remote calls made inline hold up every resource that
 * shares the partition; prefer recording the work and processing it on your own queue.
 * Cross-resource order is not promised: a group.members.added may arrive before the user.created of the member.
 */
export interface EventSubscriber {
  /** Stable and unique; remembered in job data to skip subscribers that already handled a retried event. */
  readonly name: string;
  handle(event: EventEnvelope, ctx: EventHandleContext): Promise<void>;
}
