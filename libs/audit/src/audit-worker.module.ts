import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AUDIT_RETENTION_QUEUE } from './retention/audit-retention-queue';
import { AuditRetentionProcessor } from './retention/audit-retention.processor';
import { AuditRetentionScheduler } from './retention/audit-retention.scheduler';
import { AuditRetentionService } from './retention/audit-retention.service';
import { AuditSealLoop } from './sealer/audit-seal-loop.service';
import { AuditSealer } from './sealer/audit-sealer.service';
import { CheckpointSigner } from './checkpoints/checkpoint-signer';

/**
 * The worker side of audit for apps/worker (which provides BullModule.forRoot): the background sealer that numbers
 * and chains committed events, and the daily retention purge.
 */
@Module({
  imports: [BullModule.registerQueue({ name: AUDIT_RETENTION_QUEUE })],
  providers: [AuditRetentionService, AuditRetentionProcessor, AuditRetentionScheduler, AuditSealer, AuditSealLoop, CheckpointSigner],
  exports: [AuditRetentionService, AuditSealer, AuditSealLoop],
})
export class AuditWorkerModule {}
