import { TenantDeliveriesAdminController } from './admin/tenant-deliveries-admin.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@provisio/audit';
import { EventsModule, QueueRegistryModule, registerQueues } from '@provisio/events';
import { OutboundModule } from '@provisio/outbound';
import { TenancyModule } from '@provisio/tenancy';
import { WebhookDeliveriesAdminController } from './admin/webhook-deliveries-admin.controller';
import { WebhooksAdminController } from './admin/webhooks-admin.controller';
import { WebhookDeliveryLogService } from './deliveries/webhook-delivery-log.service';
import { WEBHOOK_DELIVERY_QUEUE, WebhookDeliveryQueue } from './deliveries/webhook-delivery-queue';
import { WebhookDeliveryService } from './deliveries/webhook-delivery.service';
import { WebhookDeliverySweeper } from './deliveries/webhook-delivery.sweeper';
import { WebhookDeliveryWorker } from './deliveries/webhook-delivery.worker';
import { WebhookFanOutSubscriber } from './deliveries/webhook-fan-out.subscriber';
import { WebhookEndpointEntity } from './endpoints/webhook-endpoint.entity';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookStatsService } from './stats/webhook-stats.service';

const shared = [TypeOrmModule.forFeature([WebhookEndpointEntity]), TenancyModule, AuditModule, OutboundModule];
const queues = registerQueues('webhooks', [WEBHOOK_DELIVERY_QUEUE]);

/** apps/api: the admin endpoints (CRUD, delivery log, replay, stats); the delivery queue is declared for the dashboard. */
@Module({
  imports: [...shared, QueueRegistryModule],
  controllers: [WebhooksAdminController, WebhookDeliveriesAdminController, TenantDeliveriesAdminController],
  providers: [WebhookEndpointsService, WebhookDeliveryLogService, WebhookStatsService, WebhookDeliveryQueue, queues],
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
    queues,
  ],
})
export class WebhooksWorkerModule {}
