import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions, QueueRegistry } from '@provisio/events';
import { DeliveryWorker } from '@provisio/outbound';
import { WEBHOOK_DELIVERY_QUEUE } from './webhook-delivery-queue';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Requests are I/O bound: many in flight per worker; different endpoints and resources never wait on each other. */
const CONCURRENCY = 50;

/** Processes webhook delivery jobs in apps/worker. Shutdown waits for in-flight attempts to be recorded. */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: DeliveryWorker;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveryService,
    private readonly registry: QueueRegistry,
    // The job-lock timings of apps/worker (absent when the module is used without EventsWorkerModule: BullMQ defaults).
    @Optional() @Inject(EVENTS_WORKER_OPTIONS) private readonly timings?: EventsWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new DeliveryWorker(WEBHOOK_DELIVERY_QUEUE, this.config.redisUrl, this.config.queuePrefix, CONCURRENCY,
      (job) => this.deliveries.run(job.data),
      { lockDurationMs: this.timings?.lockDurationMs, stalledIntervalMs: this.timings?.stalledIntervalMs });
    this.worker.start();
    this.registry.serving(WEBHOOK_DELIVERY_QUEUE);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
