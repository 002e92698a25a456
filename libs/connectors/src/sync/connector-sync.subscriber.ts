import { Injectable, OnModuleInit } from '@nestjs/common';
import { AfterCommit, batchRows, EventBatch, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { recordOrderedRows } from '@provisio/outbound';
import { EntityManager } from 'typeorm';
import { CONNECTOR_SYNCS, ConnectorQueues } from './connector-queues';

/** Every enabled connector of the tenant gets every event. */
const ENABLED_CONNECTORS = `JOIN connectors tg ON tg.tenant_id = $1 AND tg.enabled`;

/** One sync row per (event, enabled connector) per relay batch in one statement; same shape as the webhook fan-out. */
@Injectable()
export class ConnectorSyncSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'connectors';

  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly queues: ConnectorQueues,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async record(tx: EntityManager, batch: EventBatch): Promise<AfterCommit> {
    const jobs = await recordOrderedRows(tx, CONNECTOR_SYNCS, ENABLED_CONNECTORS, batch.tenantId, batchRows(batch));
    return () => this.queues.addSyncs(jobs);
  }
}
