import { TenantDeliveriesAdminController } from './admin/tenant-deliveries-admin.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@provisio/audit';
import { EventsModule, QueueDashboardModule } from '@provisio/events';
import { OutboundModule } from '@provisio/outbound';
import { TenancyModule } from '@provisio/tenancy';
import { WebhookDeliveriesAdminController } from './admin/webhook-deliveries-admin.controller';
import { WebhookQueueOnBoard } from './admin/webhook-queue-on-board';
import { WebhooksAdminController } from './admin/webhooks-admin.controller';
import { WebhookDeliveryLogService } from './deliveries/webhook-delivery-log.service';
import { WebhookDeliveryQueue } from './deliveries/webhook-delivery-queue';
import { WebhookDeliveryService } from './deliveries/webhook-delivery.service';
import { WebhookDeliverySweeper } from './deliveries/webhook-delivery.sweeper';
import { WebhookDeliveryWorker } from './deliveries/webhook-delivery.worker';
import { WebhookFanOutSubscriber } from './deliveries/webhook-fan-out.subscriber';
import { WebhookEndpointEntity } from './endpoints/webhook-endpoint.entity';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookStatsService } from './stats/webhook-stats.service';

const shared = [TypeOrmModule.forFeature([WebhookEndpointEntity]), TenancyModule, AuditModule, OutboundModule];

/** apps/api: the admin endpoints (CRUD, delivery log, replay, stats) and the delivery queue on the dashboard. */
@Module({
  imports: [...shared, QueueDashboardModule],
  controllers: [WebhooksAdminController, WebhookDeliveriesAdminController, TenantDeliveriesAdminController],
  providers: [WebhookEndpointsService, WebhookDeliveryLogService, WebhookStatsService, WebhookDeliveryQueue, WebhookQueueOnBoard],
  exports: [WebhookStatsService],
})
export class WebhooksModule {}

/** apps/worker: event fan-out into delivery rows, the delivery processor and its sweep. */
@Module({
  imports: [...shared, EventsModule],
  providers: [
    WebhookEndpointsService,
    WebhookDeliveryQueue,
    WebhookDeliveryService,
    WebhookDeliveryWorker,
    WebhookDeliverySweeper,
    WebhookFanOutSubscriber,
  ],
})
export class WebhooksWorkerModule {}
