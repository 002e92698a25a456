import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions, QueueRegistry } from '@provisio/events';
import { DeliveryJobData, DeliveryWorker, DeliveryWorkerTimings } from '@provisio/outbound';
import { ConnectorResyncRunner } from '../resync/connector-resync.runner';
import { CONNECTOR_RESYNC_QUEUE, CONNECTOR_SYNC_QUEUE, ResyncJobData } from './connector-queues';
import { ConnectorSyncService } from './connector-sync.service';

/** I/O bound like webhooks; different connectors and resources never wait on each other. */
const SYNC_CONCURRENCY = 20;
/** A resync walks a whole tenant: a couple at a time per worker is plenty. */
const RESYNC_CONCURRENCY = 2;

/** Processes connector sync and resync jobs in apps/worker. Shutdown waits for in-flight jobs to be recorded. */
@Injectable()
export class ConnectorSyncWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private syncs?: DeliveryWorker;
  private resyncs?: DeliveryWorker<ResyncJobData>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sync: ConnectorSyncService,
    private readonly resync: ConnectorResyncRunner,
    private readonly registry: QueueRegistry,
    // The job-lock timings of apps/worker, as for webhooks (absent without EventsWorkerModule: BullMQ defaults).
    @Optional() @Inject(EVENTS_WORKER_OPTIONS) private readonly options?: EventsWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    const { redisUrl, queuePrefix } = this.config;
    const timings: DeliveryWorkerTimings = { lockDurationMs: this.options?.lockDurationMs, stalledIntervalMs: this.options?.stalledIntervalMs };
    this.syncs = new DeliveryWorker<DeliveryJobData>(CONNECTOR_SYNC_QUEUE, redisUrl, queuePrefix, SYNC_CONCURRENCY, (job) => this.sync.run(job.data), timings);
    this.resyncs = new DeliveryWorker<ResyncJobData>(CONNECTOR_RESYNC_QUEUE, redisUrl, queuePrefix, RESYNC_CONCURRENCY,
      (job) => this.resync.run(job.data.tenantId, job.data.connectorId, job.data.resyncId), timings);
    this.syncs.start();
    this.resyncs.start();
    this.registry.serving(CONNECTOR_SYNC_QUEUE);
    this.registry.serving(CONNECTOR_RESYNC_QUEUE);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.syncs?.close(), this.resyncs?.close()]);
  }
}
