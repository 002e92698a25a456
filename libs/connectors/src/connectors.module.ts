import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@provisio/audit';
import { EventsModule, QueueDashboardModule } from '@provisio/events';
import { OutboundModule } from '@provisio/outbound';
import { TenancyModule } from '@provisio/tenancy';
import { ConnectorQueuesOnBoard } from './admin/connector-queues-on-board';
import { ConnectorResyncsAdminController } from './admin/connector-resyncs-admin.controller';
import { ConnectorViewsService } from './admin/connector-views.service';
import { ConnectorsAdminController } from './admin/connectors-admin.controller';
import { ConnectorEntity } from './connectors/connector.entity';
import { ConnectorsService } from './connectors/connectors.service';
import { ConnectorResyncRunner } from './resync/connector-resync.runner';
import { ConnectorResyncsService } from './resync/connector-resyncs.service';
import { ConnectorQueues } from './sync/connector-queues';
import { ConnectorSyncService } from './sync/connector-sync.service';
import { ConnectorSyncSubscriber } from './sync/connector-sync.subscriber';
import { ConnectorSyncSweeper } from './sync/connector-sync.sweeper';
import { ConnectorSyncWorker } from './sync/connector-sync.worker';
import { StoreFactory } from './sync/store-factory';

const shared = [TypeOrmModule.forFeature([ConnectorEntity]), TenancyModule, AuditModule, OutboundModule];

/**
 * apps/api: the admin endpoints (CRUD with sync state, resync requests) and the queues on the ops dashboard
 * and in GET /admin/v1/events/stats (QueueDashboardModule's EventQueuesReader).
 */
@Module({
  imports: [...shared, QueueDashboardModule],
  controllers: [ConnectorsAdminController, ConnectorResyncsAdminController],
  providers: [ConnectorsService, ConnectorViewsService, ConnectorResyncsService, ConnectorQueues, ConnectorQueuesOnBoard],
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
