import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryJob, orderedJobId } from '../delivery-queue';
import { OrderedTable } from './ordered-row';
import { openRowsPage, overdueRows } from './overdue-rows';

/** What the sweeper needs of a queue: a DeliveryQueue, or a lib's wrapper around one. */
export interface SweptQueue {
  add(jobs: DeliveryJob[]): Promise<void>;
  remembersJobs(): Promise<boolean>;
  rememberJobs(): Promise<void>;
}

export interface OrderedRowSweeperOptions {
  table: OrderedTable;
  queue: SweptQueue;
  /** Names the rows in logs, e.g. 'webhook deliveries'. */
  label: string;
  /** Logger context, e.g. 'WebhookDeliverySweeper'. */
  loggerName: string;
}

/** Short, so a Redis that came back empty is noticed within seconds; each tick is one EXISTS and one indexed query. */
const SWEEP_INTERVAL_MS = 5_000;
/** Only rows overdue by this much: a healthy queue runs them itself, the sweep is for jobs Redis lost. */
const OVERDUE_MS = 60_000;
const BATCH = 500;

/**
 * Safety net for the jobs of an ordered-row table (webhook_deliveries, connector_syncs) that Redis never got or
 * lost; the rows in Postgres are the truth, jobs only wake workers. Each tick:
 * - if Redis lost its data (the queue's marker is gone: a restart without persistence), every open row is queued
 *   again at once, delayed to when it is due, then the marker is set;
 * - otherwise open rows well past due without having run are queued again.
 * Duplicates are harmless: the processor's lease, due-time and per-resource order checks decide whether to run.
 */
export class OrderedRowSweeper {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(private readonly dataSource: DataSource, private readonly options: OrderedRowSweeperOptions) {
    this.logger = new Logger(options.loggerName);
  }

  start(intervalMs = SWEEP_INTERVAL_MS): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One round, as the timer runs it; never rejects. Returns how many rows were queued again. */
  async tick(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      return (await this.options.queue.remembersJobs()) ? await this.sweep() : await this.requeueAllOpen();
    } catch {
      // Redis or Postgres unreachable: the next tick tries again; the relay and workers already log outages.
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  /** One batch of rows overdue by overdueMs, queued again; returns how many. */
  async sweep(overdueMs = OVERDUE_MS): Promise<number> {
    const rows = await overdueRows(this.dataSource, this.options.table, overdueMs, BATCH);
    await this.options.queue.add(rows.map((row) => ({
      data: { tenantId: row.tenant_id, deliveryId: row.id },
      jobId: orderedJobId.sweep(row.id, row.attempts), // at most one re-queue per row per hour
    })));
    return rows.length;
  }

  /** Redis came back empty (or this is its first use): queue every open row again, then remember that. */
  async requeueAllOpen(): Promise<number> {
    let after: { tenant_id: string; id: string } | null = null;
    let total = 0;
    for (;;) {
      const rows = await openRowsPage(this.dataSource, this.options.table, after, BATCH);
      const now = Date.now();
      await this.options.queue.add(rows.map((row) => ({
        data: { tenantId: row.tenant_id, deliveryId: row.id },
        jobId: orderedJobId.sweep(row.id, row.attempts), // at most one re-queue per row per hour
        delayMs: Math.max(0, row.ready_at.getTime() - now),
      })));
      total += rows.length;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1];
    }
    await this.options.queue.rememberJobs();
    if (total) this.logger.warn(`Redis had lost its queued ${this.options.label}; queued ${total} open ${this.options.label} again`);
    return total;
  }
}
