import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BatchObservableCallback, ObservableGauge } from '@opentelemetry/api';
import { AUDIT_RETENTION_QUEUE } from '@provisio/audit';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { CONNECTOR_RESYNC_QUEUE, CONNECTOR_SYNC_QUEUE } from '@provisio/connectors';
import { createProducerConnection, EVENTS_MAINTENANCE_QUEUE, outboxLag } from '@provisio/events';
import { currentTelemetry, provisioMeter, withTenant } from '@provisio/observability';
import { WEBHOOK_DELIVERY_QUEUE } from '@provisio/webhooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const READ_TIMEOUT_MS = 2000;
const QUEUES = [WEBHOOK_DELIVERY_QUEUE, CONNECTOR_SYNC_QUEUE, CONNECTOR_RESYNC_QUEUE, EVENTS_MAINTENANCE_QUEUE, AUDIT_RETENTION_QUEUE];

/**
 * Gauges read at scrape time from Postgres and Redis: the outbox backlog and the depth of every queue. They
 * describe the whole deployment, so every worker reports the same values: aggregate with max() across workers.
 * A source that does not answer leaves its gauges out of that scrape rather than failing it.
 */
@Injectable()
export class BacklogMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('BacklogMetrics');
  private connection?: Redis;
  private queues: Queue[] = [];
  private readonly outboxLagSeconds: ObservableGauge;
  private readonly outboxUnpublished: ObservableGauge;
  private readonly queueJobs: ObservableGauge;
  private readonly observe: BatchObservableCallback = (result) => this.collect(result);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    const meter = provisioMeter();
    this.outboxLagSeconds = meter.createObservableGauge('provisio_outbox_lag_seconds', {
      description: 'Age of the oldest committed event the relay has not yet queued (0 when none waits)',
    });
    this.outboxUnpublished = meter.createObservableGauge('provisio_outbox_unpublished_events', {
      description: 'Committed events the relay has not yet queued',
    });
    this.queueJobs = meter.createObservableGauge('provisio_queue_jobs', { description: 'BullMQ jobs by queue and state' });
  }

  /** Nothing to read for, and no Redis connection, when this process exports no metrics. */
  onModuleInit(): void {
    if (!currentTelemetry()) return;
    const connection = createProducerConnection(this.config.redisUrl, 'provisio-worker-metrics');
    this.connection = connection;
    this.queues = QUEUES.map((name) => {
      const queue = new Queue(name, { connection, prefix: this.config.queuePrefix });
      queue.on('error', () => undefined);
      return queue;
    });
    provisioMeter().addBatchObservableCallback(this.observe, [this.outboxLagSeconds, this.outboxUnpublished, this.queueJobs]);
  }

  async onModuleDestroy(): Promise<void> {
    provisioMeter().removeBatchObservableCallback(this.observe, [this.outboxLagSeconds, this.outboxUnpublished, this.queueJobs]);
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    this.connection?.disconnect();
  }

  private async collect(result: Parameters<BatchObservableCallback>[0]): Promise<void> {
    const [lag, depths] = await Promise.allSettled([
      outboxLag(this.dataSource, this.config.metricsTenantLabels),
      withTimeout(Promise.all(this.queues.map(async (queue) => ({ name: queue.name, counts: await queue.getJobCounts(...JOB_STATES) })))),
    ]);
    if (lag.status === 'fulfilled') {
      for (const row of lag.value) {
        const attributes = withTenant({}, row.tenantId ?? undefined, this.config.metricsTenantLabels);
        result.observe(this.outboxLagSeconds, row.oldestUnpublishedAgeSeconds, attributes);
        result.observe(this.outboxUnpublished, row.unpublished, attributes);
      }
    } else {
      this.logger.warn({ err: (lag.reason as Error).message }, 'outbox gauges skipped: Postgres did not answer');
    }
    if (depths.status === 'fulfilled') {
      for (const { name, counts } of depths.value) {
        for (const state of JOB_STATES) result.observe(this.queueJobs, counts[state] ?? 0, { queue: name, state });
      }
    }
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
