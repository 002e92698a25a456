import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AUDIT_RETENTION_QUEUE } from './retention/audit-retention-queue';
import { AuditRetentionProcessor } from './retention/audit-retention.processor';
import { AuditRetentionScheduler } from './retention/audit-retention.scheduler';
import { AuditRetentionService } from './retention/audit-retention.service';

/** The worker side of audit (daily retention purge) for apps/worker, which provides BullModule.forRoot. */
@Module({
  imports: [BullModule.registerQueue({ name: AUDIT_RETENTION_QUEUE })],
  providers: [AuditRetentionService, AuditRetentionProcessor, AuditRetentionScheduler],
  exports: [AuditRetentionService],
})
export class AuditWorkerModule {}
