/** The repeatable retention purge runs here. */
export const EVENTS_MAINTENANCE_QUEUE = 'events-maintenance';
export const EVENTS_PURGE_JOB = 'purge-expired-events';

/**
 * Until issue #9 every event went through one of 16 partition queues (`events-00` … `events-15`), one job at a
 * time each. The relay now records delivery rows itself, for every event not yet dispatched whatever became of
 * its old job, so jobs left in these queues are redundant: a worker removes them at start (legacy-event-queues.ts).
 */
export const LEGACY_EVENT_PARTITION_QUEUES: readonly string[] = Array.from({ length: 16 }, (_, p) => `events-${String(p).padStart(2, '0')}`);
