import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';

/**
 * Events are spread over a fixed set of partition queues by resource. Each partition queue has a global
 * concurrency of 1, so the events of one resource are handled strictly one after another across all workers,
 * while 16 partitions run in parallel. Never change the count or the names: jobs in flight carry them, and a
 * resource moved to another partition could overtake its own earlier event.
 */
export const EVENT_PARTITIONS = 16;

export function eventPartitionQueue(partition: number): string {
  return `events-${String(partition).padStart(2, '0')}`;
}

export const EVENT_PARTITION_QUEUES: readonly string[] = Array.from({ length: EVENT_PARTITIONS }, (_, p) => eventPartitionQueue(p));

/** The repeatable retention purge runs here. */
export const EVENTS_MAINTENANCE_QUEUE = 'events-maintenance';
export const EVENTS_PURGE_JOB = 'purge-expired-events';

/** Partition of one resource: stable across processes and releases (sha1, not a runtime hash). */
export function eventPartition(tenantId: string, resourceType: string, resourceId: string): number {
  const digest = createHash('sha1').update(`${tenantId}/${resourceType}/${resourceId}`).digest();
  return digest.readUInt32BE(0) % EVENT_PARTITIONS;
}

/** Job payload: ids only, the envelope is read from outbox_events when the job runs. */
export interface EventJobData {
  tenantId: string;
  eventId: string;
  sequence: number;
  /** Subscribers that already handled this event (kept across retries so none is called twice on purpose). */
  done?: string[];
}

/**
 * Completed jobs stay an hour so a relay that crashed after adding a batch and before marking it published
 * re-adds the same job ids and BullMQ ignores them; past that window a repeat is still harmless
 * (receivers deduplicate on the event id).
 */
export const EVENT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: { age: 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
