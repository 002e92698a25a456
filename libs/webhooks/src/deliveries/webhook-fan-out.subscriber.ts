import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEnvelope, EventHandleContext, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { DataSource } from 'typeorm';
import { deliveryJobId, WebhookDeliveryQueue } from './webhook-delivery-queue';

/**
 * Turns each event into one delivery row per enabled endpoint subscribed to its type, then queues them.
 * The events lib hands over the events of one resource in commit order, so rows of one resource are
 * created in sequence order; sending order is then kept by delivery-order.ts.
 * Idempotent on the event id: a repeated hand-off inserts nothing new and re-queues the untried rows
 * (their job ids are the same, so BullMQ keeps one job each).
 */
@Injectable()
export class WebhookFanOutSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'webhooks';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: EventSubscriberRegistry,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(event: EventEnvelope, ctx: EventHandleContext): Promise<void> {
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, event_sequence, resource_key, payload)
       SELECT tenant_id, id, $2, $3, $4, $5, $6 FROM webhook_endpoints
        WHERE tenant_id = $1 AND enabled AND (event_types IS NULL OR $3 = ANY (event_types))
       ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING
       RETURNING id`,
      [event.tenantId, event.id, event.type, event.sequence, `${event.data.resourceType}/${event.data.id}`, JSON.stringify(event)],
    );
    const untried = ctx.attempt === 1 ? inserted : await this.untried(event);
    await this.queue.add(untried.map(({ id }) => ({
      data: { tenantId: event.tenantId, deliveryId: id },
      jobId: deliveryJobId.attempt(id, 0),
    })));
  }

  private untried(event: EventEnvelope): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE tenant_id = $1 AND event_id = $2 AND status = 'pending' AND attempts = 0`,
      [event.tenantId, event.id],
    );
  }
}
