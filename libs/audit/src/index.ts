export * from './writer/audit-entry';
export * from './writer/audit-writer';
// The insert's shape, for callers that fold the audit insert into their own statement (one plain INSERT, no lock).
export * from './writer/insert-event.sql';
export { buildContent } from './writer/build-content';
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
export * from './retention/audit-retention.service';
export * from './audit-worker.module';
export * from './audit-admin.module';
