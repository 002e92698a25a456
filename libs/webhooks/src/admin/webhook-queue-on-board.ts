import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventQueuesReader } from '@provisio/events';
import { WebhookDeliveryQueue } from '../deliveries/webhook-delivery-queue';

/** Shows the delivery queue on the ops dashboard (/admin/queues) and in GET /admin/v1/events/stats. */
@Injectable()
export class WebhookQueueOnBoard implements OnModuleInit {
  constructor(
    private readonly reader: EventQueuesReader,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onModuleInit(): void {
    this.reader.addQueue(this.queue.bullQueue);
  }
}
