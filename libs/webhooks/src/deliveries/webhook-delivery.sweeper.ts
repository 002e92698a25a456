import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { openRowsPage, overdueRows } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { deliveryJobId, WebhookDeliveryQueue } from './webhook-delivery-queue';

/** Short, so a Redis that came back empty is noticed within seconds; each tick is one EXISTS and one indexed query. */
const SWEEP_INTERVAL_MS = 5_000;
/** Only rows overdue by this much: a healthy queue runs them itself, the sweep is for jobs Redis lost. */
const OVERDUE_MS = 60_000;
const BATCH = 500;

/**
 * Safety net for delivery jobs Redis never got or lost; the rows in Postgres are the truth, jobs only wake
 * workers. Each tick:
 * - if Redis lost its data (the queue's marker is gone: a restart without persistence), every open delivery
 *   is queued again at once, delayed to when it is due, then the marker is set;
 * - otherwise open deliveries well past due without having run are queued again (at most once an hour per row).
 * Duplicates are harmless: the processor's lease, due-time and per-resource order checks decide whether to send.
 */
@Injectable()
export class WebhookDeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliverySweeper');
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      if (await this.queue.remembersJobs()) await this.sweep();
      else await this.requeueAllOpen();
    } catch {
      // Redis or Postgres unreachable: the next tick tries again; the relay and workers already log outages.
    } finally {
      this.sweeping = false;
    }
  }

  async sweep(overdueMs = OVERDUE_MS): Promise<number> {
    const rows = await overdueRows(this.dataSource, WEBHOOK_DELIVERIES, overdueMs, BATCH);
    await this.queue.add(rows.map((row) => ({
      data: { tenantId: row.tenant_id, deliveryId: row.id },
      jobId: deliveryJobId.sweep(row.id, row.attempts),
    })));
    return rows.length;
  }

  /** Redis came back empty (or this is its first use): queue every open delivery again, then remember that. */
  async requeueAllOpen(): Promise<number> {
    let after: { tenant_id: string; id: string } | null = null;
    let total = 0;
    for (;;) {
      const rows = await openRowsPage(this.dataSource, WEBHOOK_DELIVERIES, after, BATCH);
      const now = Date.now();
      await this.queue.add(rows.map((row) => ({
        data: { tenantId: row.tenant_id, deliveryId: row.id },
        jobId: deliveryJobId.sweep(row.id, row.attempts),
        delayMs: Math.max(0, row.ready_at.getTime() - now),
      })));
      total += rows.length;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1];
    }
    await this.queue.rememberJobs();
    if (total) this.logger.warn(`Redis had lost its queued webhook deliveries; queued ${total} open deliveries again`);
    return total;
  }
}
