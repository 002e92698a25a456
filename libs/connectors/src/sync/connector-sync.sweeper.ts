import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrderedRowSweeper } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { CONNECTOR_SYNCS, ConnectorQueues } from './connector-queues';
import { purgeFinishedSyncs } from './purge-finished-syncs';

/** Retention is in days: trimming one batch every 15 s keeps up without adding load to the 5 s sweep. */
const PURGE_INTERVAL_MS = 15_000;

/**
 * Safety net, shared with webhooks (OrderedRowSweeper): every 5 s, re-queues every open sync if Redis came back
 * empty, otherwise those well past due. Also trims finished syncs past their retention (purge-finished-syncs.ts).
 */
@Injectable()
export class ConnectorSyncSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConnectorSyncSweeper');
  private readonly sweeper: OrderedRowSweeper;
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    queues: ConnectorQueues,
  ) {
    this.sweeper = new OrderedRowSweeper(dataSource, {
      table: CONNECTOR_SYNCS,
      queue: queues.syncQueue,
      label: 'connector syncs',
      loggerName: 'ConnectorSyncSweeper',
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper.start();
    this.purgeTimer = setInterval(() => void this.purgeFinished().catch((error) => this.logger.warn({ err: error }, 'purging finished connector syncs failed')), PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
    clearInterval(this.purgeTimer);
  }

  /** One round as the timer runs it (never rejects); returns how many syncs were queued again. */
  tick(): Promise<number> {
    return this.sweeper.tick();
  }

  /** One batch of finished syncs past their retention; returns how many went. */
  purgeFinished(retentionDays?: number): Promise<number> {
    return purgeFinishedSyncs(this.dataSource, retentionDays);
  }
}
