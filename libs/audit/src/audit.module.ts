import { Module } from '@nestjs/common';
import { AuditWriter } from './writer/audit-writer';
import { FailureRateLimiter } from './writer/failure-rate-limiter';

/**
 * The audit writer for any lib that changes data (scim, tenancy, webhooks, connectors): import the module,
 * inject AuditWriter. It needs only the root TypeORM connection, which the apps provide.
 */
@Module({
  providers: [AuditWriter, FailureRateLimiter],
  exports: [AuditWriter],
})
export class AuditModule {}
