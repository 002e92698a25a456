import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrderedRowSweeper } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { WebhookDeliveryQueue } from './webhook-delivery-queue';

/**
 * Safety net for delivery jobs Redis never got or lost (OrderedRowSweeper): every 5 s, re-queues every open
 * delivery if Redis came back empty, otherwise those well past due.
 */
@Injectable()
export class WebhookDeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: OrderedRowSweeper;

  constructor(@InjectDataSource() dataSource: DataSource, queue: WebhookDeliveryQueue) {
    this.sweeper = new OrderedRowSweeper(dataSource, {
      table: WEBHOOK_DELIVERIES,
      queue,
      label: 'webhook deliveries',
      loggerName: 'WebhookDeliverySweeper',
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }
}
