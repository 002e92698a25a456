import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { isUuid } from '@provisio/database';
import { AppError, NotFoundError } from '@provisio/observability';
import { DataSource } from 'typeorm';
import { ConnectorsService } from '../connectors/connectors.service';
import { ConnectorQueues } from '../sync/connector-queues';
import { ResyncRow, ResyncView, toResyncView } from './resync-view';

/** Requests full resyncs (a row, then a job whose id is the row's) and reports on them. */
@Injectable()
export class ConnectorResyncsService {
  private readonly logger = new Logger('ConnectorResyncs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connectors: ConnectorsService,
    private readonly audit: AuditWriter,
  ) {}

  /** Records the request; the caller runs it (CLI) or queues it (admin API, see requestQueued). */
  async request(tenantId: string, connectorId: string): Promise<ResyncView> {
    await this.connectors.get(tenantId, connectorId);
    return this.dataSource.transaction(async (tx) => {
      const [row]: ResyncRow[] = await tx.query(
        `INSERT INTO connector_resyncs (tenant_id, connector_id) VALUES ($1, $2) RETURNING *`,
        [tenantId, connectorId],
      );
      await this.audit.record(tx, {
        tenantId, action: 'connector.resync_requested', resourceType: 'Connector', resourceId: connectorId, summary: `resync ${row.id}`,
      });
      return toResyncView(row);
    });
  }

  async requestQueued(tenantId: string, connectorId: string, queues: ConnectorQueues): Promise<ResyncView> {
    const resync = await this.request(tenantId, connectorId);
    try {
      await queues.addResync({ tenantId, connectorId, resyncId: resync.id });
    } catch (error) {
      this.logger.warn({ tenantId, connectorId, err: error }, 'could not queue connector resync');
      await this.dataSource.query(
        `UPDATE connector_resyncs SET status = 'failed', error = 'queue unavailable', finished_at = now() WHERE tenant_id = $1 AND id = $2`,
        [tenantId, resync.id],
      );
      throw new AppError(503, 'The job queue is unavailable; try the resync again shortly');
    }
    return resync;
  }

  async get(tenantId: string, connectorId: string, resyncId: string): Promise<ResyncView> {
    await this.connectors.get(tenantId, connectorId);
    const [row]: ResyncRow[] = isUuid(resyncId)
      ? await this.dataSource.query(`SELECT * FROM connector_resyncs WHERE tenant_id = $1 AND connector_id = $2 AND id = $3`, [tenantId, connectorId, resyncId])
      : [];
    if (!row) throw new NotFoundError(`Resync ${resyncId} not found`);
    return toResyncView(row);
  }

  /** The latest runs, newest first. */
  async list(tenantId: string, connectorId: string, limit = 20): Promise<ResyncView[]> {
    await this.connectors.get(tenantId, connectorId);
    const rows: ResyncRow[] = await this.dataSource.query(
      `SELECT * FROM connector_resyncs WHERE tenant_id = $1 AND connector_id = $2 ORDER BY requested_at DESC, id LIMIT $3`,
      [tenantId, connectorId, limit],
    );
    return rows.map(toResyncView);
  }
}
