import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConnectorType } from '../connectors/connector.entity';
import { IdMap } from '../sync/id-map';
import { LocalDirectory } from '../sync/local-directory';
import { StoreFactory } from '../sync/store-factory';
import { noteConnectorOutcome } from '../sync/connector-sync.service';
import { syncFailed, syncSucceeded } from '../sync/sync-outcome';
import { reconcile, ResyncSummary } from './reconcile';

/**
 * Runs one requested resync. Safe to run again after a failure (BullMQ retries the job with backoff): every
 * step is an upsert or a delete of what is still mapped.
 */
@Injectable()
export class ConnectorResyncRunner {
  private readonly logger = new Logger('ConnectorResync');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stores: StoreFactory,
  ) {}

  /** Throws only when another try may help (network, 5xx, 429), so BullMQ retries the job; else records 'failed'. */
  async run(tenantId: string, connectorId: string, resyncId: string): Promise<ResyncSummary | 'gone' | 'failed'> {
    // An UPDATE through DataSource.query answers [rows, affected count].
    const [[connector]]: [{ type: ConnectorType; base_url: string }[], number] = await this.dataSource.query(
      `UPDATE connector_resyncs r SET status = 'running', started_at = now(), error = NULL
         FROM connectors c
        WHERE r.tenant_id = $1 AND r.id = $3 AND c.tenant_id = r.tenant_id AND c.id = r.connector_id AND c.id = $2
        RETURNING c.type, c.base_url`,
      [tenantId, connectorId, resyncId],
    );
    if (!connector) return 'gone'; // the connector (and with it the resync row) was deleted
    const startedAt = new Date();
    const db = this.dataSource.manager;
    try {
      const summary = await reconcile({
        store: await this.stores.open({ tenantId, id: connectorId, type: connector.type, baseUrl: connector.base_url }),
        ids: new IdMap(db, tenantId, connectorId),
        local: new LocalDirectory(db, tenantId),
      });
      await this.finish(tenantId, connectorId, resyncId, 'succeeded', summary, null);
      await noteConnectorOutcome(db, tenantId, connectorId, syncSucceeded(startedAt));
      return summary;
    } catch (error) {
      const failed = syncFailed(startedAt, error);
      this.logger.warn({ tenantId, connectorId, resyncId, error: failed.error }, 'connector resync failed');
      await this.finish(tenantId, connectorId, resyncId, 'failed', null, failed.error);
      await noteConnectorOutcome(db, tenantId, connectorId, failed);
      if (failed.verdict.kind === 'retry') throw error;
      return 'failed';
    }
  }

  private async finish(tenantId: string, connectorId: string, resyncId: string, status: string, summary: ResyncSummary | null, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE connector_resyncs SET status = $4, summary = $5, error = $6, finished_at = now() WHERE tenant_id = $1 AND connector_id = $2 AND id = $3`,
      [tenantId, connectorId, resyncId, status, summary === null ? null : JSON.stringify(summary), error],
    );
  }
}
