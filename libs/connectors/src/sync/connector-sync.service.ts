import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { EventEnvelope } from '@provisio/events';
import {
  AttemptSummary, DeliveryJob, DeliveryJobData, OrderedDeliveryAdapter, OrderedDeliveryRunner, OrderedRow, RETRY_SETTINGS, RetrySettings,
  RunOutcome, Settled, TargetCheck,
} from '@provisio/outbound';
import { DataSource, EntityManager } from 'typeorm';
import { applyEvent } from './apply-event';
import { CONNECTOR_SYNCS, ConnectorQueues } from './connector-queues';
import { IdMap } from './id-map';
import { LocalDirectory } from './local-directory';
import { ConnectorTarget, StoreFactory } from './store-factory';
import { syncFailed, syncSucceeded } from './sync-outcome';

/**
 * Connector sync as an adapter of libs/outbound's ordered-delivery runner: the target is an enabled connector (a
 * sync for a disabled one goes dead unsent; a resync catches the store up once it is enabled again), the attempt
 * applies the event to the store, and the connector's sync state notes the outcome.
 */
@Injectable()
export class ConnectorSyncService implements OrderedDeliveryAdapter<ConnectorTarget> {
  readonly table = CONNECTOR_SYNCS;
  readonly leaseMs: number;
  readonly queue: { add(jobs: DeliveryJob[]): Promise<void> };
  private readonly logger = new Logger('ConnectorSync');
  private readonly runner: OrderedDeliveryRunner<ConnectorTarget>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RETRY_SETTINGS) retry: RetrySettings,
    private readonly stores: StoreFactory,
    queues: ConnectorQueues,
  ) {
    // One event can take several requests (a 409 lookup, members provisioned on the way): a generous lease.
    this.leaseMs = config.outboundTimeoutMs * 10 + 5000;
    this.queue = { add: (jobs) => queues.addSyncs(jobs) };
    this.runner = new OrderedDeliveryRunner(dataSource, this, retry);
  }

  /** One sync job: claim, apply the event to the store, settle the row, schedule what comes next. */
  run(job: DeliveryJobData): Promise<RunOutcome> {
    return this.runner.run(job);
  }

  async target(tx: EntityManager, row: OrderedRow): Promise<TargetCheck<ConnectorTarget>> {
    const [connector]: { type: 'scim'; base_url: string; enabled: boolean }[] = await tx.query(
      `SELECT type, base_url, enabled FROM connectors WHERE tenant_id = $1 AND id = $2`,
      [row.tenant_id, row.target_id],
    );
    if (!connector) return { kind: 'gone' };
    if (!connector.enabled) return { kind: 'disabled', reason: 'connector disabled' };
    return { kind: 'go', target: { tenantId: row.tenant_id, id: row.target_id, type: connector.type, baseUrl: connector.base_url } };
  }

  async attempt(row: OrderedRow, connector: ConnectorTarget): Promise<AttemptSummary> {
    const startedAt = new Date();
    try {
      const event = JSON.parse(row.payload) as EventEnvelope;
      const db = this.dataSource.manager;
      await applyEvent({
        store: await this.stores.open(connector),
        ids: new IdMap(db, connector.tenantId, connector.id),
        local: new LocalDirectory(db, connector.tenantId),
      }, event);
      return syncSucceeded(startedAt);
    } catch (error) {
      return syncFailed(startedAt, error);
    }
  }

  recorded(tx: EntityManager, settled: Settled, attempt: AttemptSummary, connector: ConnectorTarget): Promise<void> {
    return noteConnectorOutcome(tx, connector.tenantId, connector.id, attempt);
  }

  afterSettle(settled: Settled, attempt: AttemptSummary, connector: ConnectorTarget): void {
    if (settled.status !== 'dead') return;
    this.logger.warn({ tenantId: connector.tenantId, connectorId: connector.id, syncId: settled.row.id, eventType: settled.row.event_type, error: attempt.error }, 'connector sync dead');
  }
}

/** The connector's sync state shown by the admin API: when it last worked, when and why it last failed. */
export async function noteConnectorOutcome(tx: EntityManager, tenantId: string, connectorId: string, attempt: AttemptSummary): Promise<void> {
  if (attempt.verdict.kind === 'success') {
    await tx.query(`UPDATE connectors SET last_success_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, connectorId]);
  } else {
    await tx.query(`UPDATE connectors SET last_failure_at = now(), last_error = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, connectorId, attempt.error]);
  }
}
