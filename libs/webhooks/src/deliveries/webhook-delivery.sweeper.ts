import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { overdueRows } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { deliveryJobId, WebhookDeliveryQueue } from './webhook-delivery-queue';

const SWEEP_INTERVAL_MS = 15_000;
/** Only rows overdue by this much: a healthy queue runs them itself, the sweep is for jobs Redis lost. */
const OVERDUE_MS = 60_000;
const BATCH = 500;

/**
 * Safety net: finds open deliveries that are well past due without having run (Redis was down when their job
 * should have been added, or lost it) and queues them again, at most once an hour per row; a duplicate is
 * harmless because the processor's lease and due-time checks decide whether to send. Open rows blocked behind an earlier delivery of
 * the same resource are skipped by the processor and woken when that one finishes.
 */
@Injectable()
export class WebhookDeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliverySweeper');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.warn({ err: error }, 'delivery sweep failed')), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(overdueMs = OVERDUE_MS): Promise<number> {
    const rows = await overdueRows(this.dataSource, WEBHOOK_DELIVERIES, overdueMs, BATCH);
    await this.queue.add(rows.map((row) => ({
      data: { tenantId: row.tenant_id, deliveryId: row.id },
      jobId: deliveryJobId.sweep(row.id, row.attempts),
    })));
    return rows.length;
  }
}
