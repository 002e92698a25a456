/**
 * @provisio/connectors — downstream user stores fed from provisioning events (docs/connectors.md).
 * apps/api imports ConnectorsModule (admin API); apps/worker imports ConnectorsWorkerModule (fan-out, sync,
 * resync); the CLI imports ConnectorsCliModule (inline resync).
 */
export * from './connectors.module';
export * from './connector';
export { ConnectorResyncsService } from './resync/connector-resyncs.service';
export { ConnectorResyncRunner } from './resync/connector-resync.runner';
export type { ResyncSummary } from './resync/reconcile';
export type { ResyncView } from './resync/resync-view';
export { CONNECTOR_RESYNC_QUEUE, CONNECTOR_SYNC_QUEUE } from './sync/connector-queues';
export { ConnectorSyncSweeper } from './sync/connector-sync.sweeper';
export { FINISHED_SYNC_RETENTION_DAYS } from './sync/purge-finished-syncs';
