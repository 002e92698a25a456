import { Module } from '@nestjs/common';
import { AuditEventsAdminController } from './admin/audit-events-admin.controller';
import { AuditModule } from './audit.module';
import { ChainVerifier } from './chain/chain-verifier.service';
import { AuditExportService } from './export/audit-export.service';
import { AuditEventsService } from './query/audit-events.service';
import { AuditSealer } from './sealer/audit-sealer.service';
import { AuditCheckpointsService } from './checkpoints/audit-checkpoints.service';
import { CheckpointSigner } from './checkpoints/checkpoint-signer';

/** The ops side of the audit log (search, verify, export) for apps/api; writers import AuditModule instead. */
@Module({
  imports: [AuditModule],
  controllers: [AuditEventsAdminController],
  providers: [AuditEventsService, ChainVerifier, AuditExportService, AuditSealer, CheckpointSigner, AuditCheckpointsService],
  exports: [ChainVerifier, AuditSealer],
})
export class AuditAdminModule {}
