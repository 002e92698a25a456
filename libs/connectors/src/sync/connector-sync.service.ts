import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { EventEnvelope } from '@provisio/events';
import { AttemptSummary, DeliveryJobData, OrderedRow, orderedJobId, RETRY_SETTINGS, RetrySettings, settleAttempt } from '@provisio/outbound';
import { DataSource, EntityManager } from 'typeorm';
import { applyEvent } from './apply-event';
import { claimSync, SyncClaim } from './claim-sync';
import { CONNECTOR_SYNCS, ConnectorQueues } from './connector-queues';
import { IdMap } from './id-map';
import { LocalDirectory } from './local-directory';
import { ConnectorTarget, StoreFactory } from './store-factory';
import { syncFailed, syncSucceeded } from './sync-outcome';

/** Another job holds the lease on this sync; BullMQ retries this job after the lease. */
export class SyncBusyError extends Error {
  constructor(syncId: string) {
    super(`Connector sync ${syncId} is being applied by another job`);
  }
}

/** Runs one sync job: claim the row, apply the event to the store, settle the row, schedule what comes next. */
@Injectable()
export class ConnectorSyncService {
  private readonly logger = new Logger('ConnectorSync');
  private readonly leaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RETRY_SETTINGS) private readonly retry: RetrySettings,
    private readonly stores: StoreFactory,
    private readonly queues: ConnectorQueues,
  ) {
    // One event can take several requests (a 409 lookup, members provisioned on the way): a generous lease.
    this.leaseMs = config.outboundTimeoutMs * 10 + 5000;
  }

  async run({ tenantId, deliveryId: syncId }: DeliveryJobData): Promise<string> {
    const claim: SyncClaim = await this.dataSource.transaction((tx) => claimSync(tx, tenantId, syncId, this.leaseMs, new Date()));
    if (claim.kind === 'busy') throw new SyncBusyError(syncId);
    if (claim.kind === 'final') await this.wake(claim.row, claim.successorId);
    if (claim.kind !== 'go') return claim.kind;

    const attempt = await this.apply(claim.row, claim.connector);
    const settled = await this.dataSource.transaction(async (tx) => {
      const outcome = await settleAttempt(tx, CONNECTOR_SYNCS, tenantId, syncId, attempt, this.retry);
      if (outcome) await noteConnectorOutcome(tx, tenantId, claim.connector.id, attempt);
      return outcome;
    });
    if (!settled) return 'gone';
    if (settled.status === 'dead') {
      this.logger.warn({ tenantId, connectorId: claim.connector.id, syncId, eventType: claim.row.event_type, error: attempt.error }, 'connector sync dead');
    }
    if (settled.retryInMs !== undefined) {
      await this.queues.addSyncs([{ data: { tenantId, deliveryId: syncId }, jobId: orderedJobId.attempt(syncId, settled.row.attempts), delayMs: settled.retryInMs }]);
    } else {
      await this.wake(settled.row, settled.successorId);
    }
    return settled.status;
  }

  private async apply(row: OrderedRow, connector: ConnectorTarget): Promise<AttemptSummary> {
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

  private async wake(row: OrderedRow, successorId: string | undefined): Promise<void> {
    if (!successorId) return;
    await this.queues.addSyncs([{ data: { tenantId: row.tenant_id, deliveryId: successorId }, jobId: orderedJobId.after(successorId, row.id, row.attempts) }]);
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
