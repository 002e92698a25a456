import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DeliveryJob, DeliveryQueue, orderedJobId } from '@provisio/outbound';

/** Never rename: jobs in flight carry the queue name. */
export const WEBHOOK_DELIVERY_QUEUE = 'webhook-deliveries';

/** Job ids say why a delivery is run (see orderedJobId), so the same reason added twice runs once. */
export const deliveryJobId = orderedJobId;

@Injectable()
export class WebhookDeliveryQueue implements OnModuleDestroy {
  private readonly queue: DeliveryQueue;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.queue = new DeliveryQueue(WEBHOOK_DELIVERY_QUEUE, config);
  }

  add(jobs: DeliveryJob[]): Promise<void> {
    return this.queue.add(jobs);
  }

  /** False when Redis lost what was queued (restart without persistence): see WebhookDeliverySweeper. */
  remembersJobs(): Promise<boolean> {
    return this.queue.remembersJobs();
  }

  rememberJobs(): Promise<void> {
    return this.queue.rememberJobs();
  }

  /** For ops endpoints and dashboards. */
  get bullQueue() {
    return this.queue.queue;
  }

  onModuleDestroy(): Promise<void> {
    return this.queue.close();
  }
}
