import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEnvelope, EventHandleContext, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { orderedJobId } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { ConnectorQueues } from './connector-queues';

/**
 * One sync row per enabled connector for each event, then a job per row. Same shape and guarantees as the
 * webhook fan-out: idempotent on the event id, rows of one resource created in commit order.
 */
@Injectable()
export class ConnectorSyncSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'connectors';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: EventSubscriberRegistry,
    private readonly queues: ConnectorQueues,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(event: EventEnvelope, ctx: EventHandleContext): Promise<void> {
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO connector_syncs (tenant_id, connector_id, event_id, event_type, event_sequence, resource_key, payload)
       SELECT tenant_id, id, $2, $3, $4, $5, $6 FROM connectors WHERE tenant_id = $1 AND enabled
       ON CONFLICT (tenant_id, connector_id, event_id) DO NOTHING
       RETURNING id`,
      [event.tenantId, event.id, event.type, event.sequence, `${event.data.resourceType}/${event.data.id}`, JSON.stringify(event)],
    );
    const untried: { id: string }[] = ctx.attempt === 1 ? inserted : await this.dataSource.query(
      `SELECT id FROM connector_syncs WHERE tenant_id = $1 AND event_id = $2 AND status = 'pending' AND attempts = 0`,
      [event.tenantId, event.id],
    );
    await this.queues.addSyncs(untried.map(({ id }) => ({ data: { tenantId: event.tenantId, deliveryId: id }, jobId: orderedJobId.attempt(id, 0) })));
  }
}
