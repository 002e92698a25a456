import { Injectable, OnModuleInit } from '@nestjs/common';
import { AfterCommit, batchRows, EventBatch, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { recordOrderedRows } from '@provisio/outbound';
import { EntityManager } from 'typeorm';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { WebhookDeliveryQueue } from './webhook-delivery-queue';

/** Enabled endpoints of the tenant subscribed to the event's type (NULL: every type). */
const SUBSCRIBED_ENDPOINTS = `JOIN webhook_endpoints tg ON tg.tenant_id = $1 AND tg.enabled AND (tg.event_types IS NULL OR e.type = ANY (tg.event_types))`;

/**
 * One delivery row per (event, subscribed endpoint) for a whole relay batch in one statement, inside the relay's
 * transaction; after commit, a job for the first new row of each (endpoint, resource). Sending order is kept by
 * libs/outbound's ordered claim; the sweeper queues rows whose job Redis lost.
 */
@Injectable()
export class WebhookFanOutSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'webhooks';

  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async record(tx: EntityManager, batch: EventBatch): Promise<AfterCommit> {
    const jobs = await recordOrderedRows(tx, WEBHOOK_DELIVERIES, SUBSCRIBED_ENDPOINTS, batch.tenantId, batchRows(batch));
    return () => this.queue.add(jobs);
  }
}
