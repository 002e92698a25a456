import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  AUDIT_PURGE_JOB, AUDIT_PURGE_JOB_OPTIONS, AUDIT_PURGE_SCHEDULE, AUDIT_PURGE_SCHEDULER_ID, AUDIT_RETENTION_QUEUE,
} from './audit-retention-queue';

/** Every worker upserts the same job scheduler at start: one daily purge however many workers run. */
@Injectable()
export class AuditRetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditRetention');

  constructor(@InjectQueue(AUDIT_RETENTION_QUEUE) private readonly queue: Queue) {}

  onApplicationBootstrap(): void {
    // Not awaited: with Redis down at start the connection retries, and start-up must not hang on it.
    this.queue
      .upsertJobScheduler(AUDIT_PURGE_SCHEDULER_ID, AUDIT_PURGE_SCHEDULE, { name: AUDIT_PURGE_JOB, opts: AUDIT_PURGE_JOB_OPTIONS })
      .catch((error: Error) => this.logger.warn(`could not schedule the audit purge: ${error.message}`));
  }
}
