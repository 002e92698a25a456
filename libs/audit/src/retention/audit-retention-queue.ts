import type { JobsOptions, RepeatOptions } from 'bullmq';

/** Queue and job names travel with jobs in Redis: never rename them. */
export const AUDIT_RETENTION_QUEUE = 'audit-retention';
export const AUDIT_PURGE_JOB = 'purge-expired-audit-events';
/** One scheduler id for all workers: each upserts it at start, BullMQ keeps a single schedule. */
export const AUDIT_PURGE_SCHEDULER_ID = 'audit-retention-daily';

/** Daily at 03:17 UTC, off the hour when other cron jobs pile up. */
export const AUDIT_PURGE_SCHEDULE: Omit<RepeatOptions, 'key'> = { pattern: '17 3 * * *', tz: 'UTC' };

/** A failed purge is retried a few times; tomorrow's run catches up anyway. */
export const AUDIT_PURGE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: 30,
  removeOnFail: 30,
};
