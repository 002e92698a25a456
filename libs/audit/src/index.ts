export * from './writer/audit-entry';
export * from './writer/audit-writer';
export * from './writer/failure-rate-limiter';
export * from './diff/audit-change';
export * from './diff/redact';
export * from './audit.module';
export * from './retention/audit-retention-queue';
export * from './chain/chain-verifier.service';
export * from './sealer/audit-sealer.service';
export * from './sealer/audit-seal-loop.service';
export * from './sealer/audit-sealing';
export * from './checkpoints/checkpoint-payload';
export * from './checkpoints/checkpoint-signer';
// Last: these load @provisio/tenancy, which itself imports AuditModule from here.
export * from './retention/audit-retention.service';
export * from './audit-worker.module';
export * from './audit-admin.module';
