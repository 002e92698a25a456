import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { orderedJobId, overdueRows } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { CONNECTOR_SYNCS, ConnectorQueues } from './connector-queues';
import { purgeFinishedSyncs } from './purge-finished-syncs';

const SWEEP_INTERVAL_MS = 15_000;
/** Only rows overdue by this much: a healthy queue runs them itself, the sweep is for jobs Redis lost. */
const OVERDUE_MS = 60_000;
const BATCH = 500;

/**
 * Safety net, as for webhooks: re-queues open syncs well past due whose job was never added or was lost.
 * Also trims finished syncs past their retention (purge-finished-syncs.ts).
 */
@Injectable()
export class ConnectorSyncSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConnectorSyncSweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: ConnectorQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick().catch((error) => this.logger.warn({ err: error }, 'connector sync sweep failed')), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    await this.sweep();
    await this.purgeFinished();
  }

  /** One batch of finished syncs past their retention; returns how many went. */
  purgeFinished(retentionDays?: number): Promise<number> {
    return purgeFinishedSyncs(this.dataSource, retentionDays);
  }

  async sweep(overdueMs = OVERDUE_MS): Promise<number> {
    const rows = await overdueRows(this.dataSource, CONNECTOR_SYNCS, overdueMs, BATCH);
    await this.queues.addSyncs(rows.map((row) => ({ data: { tenantId: row.tenant_id, deliveryId: row.id }, jobId: orderedJobId.sweep(row.id, row.attempts) })));
    return rows.length;
  }
}
