import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@provisio/audit';
import { EventsModule, QueueRegistryModule, registerQueues } from '@provisio/events';
import { OutboundModule } from '@provisio/outbound';
import { TenancyModule } from '@provisio/tenancy';
import { ConnectorResyncsAdminController } from './admin/connector-resyncs-admin.controller';
import { ConnectorViewsService } from './admin/connector-views.service';
import { ConnectorsAdminController } from './admin/connectors-admin.controller';
import { ConnectorEntity } from './connectors/connector.entity';
import { ConnectorsService } from './connectors/connectors.service';
import { ConnectorResyncRunner } from './resync/connector-resync.runner';
import { ConnectorResyncsService } from './resync/connector-resyncs.service';
import { CONNECTOR_RESYNC_QUEUE, CONNECTOR_SYNC_QUEUE, ConnectorQueues } from './sync/connector-queues';
import { ConnectorSyncService } from './sync/connector-sync.service';
import { ConnectorSyncSubscriber } from './sync/connector-sync.subscriber';
import { ConnectorSyncSweeper } from './sync/connector-sync.sweeper';
import { ConnectorSyncWorker } from './sync/connector-sync.worker';
import { StoreFactory } from './sync/store-factory';

const shared = [TypeOrmModule.forFeature([ConnectorEntity]), TenancyModule, AuditModule, OutboundModule];
const queues = registerQueues('connectors', [CONNECTOR_SYNC_QUEUE, CONNECTOR_RESYNC_QUEUE]);

/**
 * apps/api: the admin endpoints (CRUD with sync state, resync requests); the queues are declared in the
 * QueueRegistry that the ops dashboard and GET /admin/v1/events/stats read.
 */
@Module({
  imports: [...shared, QueueRegistryModule],
  controllers: [ConnectorsAdminController, ConnectorResyncsAdminController],
  providers: [ConnectorsService, ConnectorViewsService, ConnectorResyncsService, ConnectorQueues, queues],
})
export class ConnectorsModule {}

/** apps/worker: event fan-out into sync rows, the sync and resync processors, the sweep. */
@Module({
  imports: [...shared, EventsModule],
  providers: [
    ConnectorsService,
    StoreFactory,
    ConnectorQueues,
    ConnectorSyncService,
    ConnectorResyncRunner,
    ConnectorSyncWorker,
    ConnectorSyncSweeper,
    ConnectorSyncSubscriber,
    queues,
  ],
})
export class ConnectorsWorkerModule {}

/** scripts/cli.ts: a resync run inline, without Redis or a worker. */
@Module({
  imports: shared,
  providers: [ConnectorsService, StoreFactory, ConnectorResyncsService, ConnectorResyncRunner],
  exports: [ConnectorResyncsService, ConnectorResyncRunner],
})
export class ConnectorsCliModule {}
