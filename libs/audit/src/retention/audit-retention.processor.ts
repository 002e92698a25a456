import { Processor, WorkerHost } from '@nestjs/bullmq';
import { AUDIT_RETENTION_QUEUE } from './audit-retention-queue';
import { AuditRetentionService } from './audit-retention.service';

/** The daily purge; errors throw so BullMQ retries (AUDIT_PURGE_JOB_OPTIONS). */
@Processor(AUDIT_RETENTION_QUEUE, { concurrency: 1 })
export class AuditRetentionProcessor extends WorkerHost {
  constructor(private readonly retention: AuditRetentionService) {
    super();
  }

  process(): Promise<{ tenants: number; deleted: number }> {
    return this.retention.purgeExpired();
  }
}
