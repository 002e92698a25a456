import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
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
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new DeliveryWorker(WEBHOOK_DELIVERY_QUEUE, this.config.redisUrl, this.config.queuePrefix, CONCURRENCY,
      (job) => this.deliveries.run(job.data));
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
