import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DataSource } from 'typeorm';
import { AfterCommit } from '../subscribers/event-subscriber';
import { EventSubscriberRegistry } from '../subscribers/event-subscriber.registry';
import { OutboxListener } from './outbox-listener';
import { relayTenant } from './relay-tenant';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions } from './relay-options';

/** A tenant another relay is working on is looked at again this soon, in case its pass ended just before our rows. */
const LOCKED_RECHECK_MS = 100;
/** Wake-ups that failed (Redis down) are retried on every poll; past this many batches the sweepers take over. */
const MAX_RETRIED_WAKEUPS = 1000;

/**
 * Moves outbox rows to the subscribers' delivery tables. Woken after commit by RelayWake's NOTIFY, and polls as a
 * fallback. Each tenant is relayed by one pass at a time in this process and, through the tenant's sequence-row
 * lock, across processes; different tenants run in parallel, so capacity grows with tenants and workers.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly waiting = new Set<string>();
  private readonly running = new Set<string>();
  private readonly passes = new Set<Promise<void>>();
  private failedWakeups: AfterCommit[] = [];
  private listener?: OutboxListener;
  private pollTimer?: NodeJS.Timeout;
  private stopped = true;
  private wakeupsFailing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENTS_WORKER_OPTIONS) private readonly options: EventsWorkerOptions,
    private readonly registry: EventSubscriberRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.relay) return;
    this.stopped = false;
    this.listener = new OutboxListener(this.config.databaseDirectUrl, (tenantId) => this.kick(tenantId));
    this.listener.start();
    this.schedulePoll(0);
  }

  /** Relay this tenant soon (called on a wake-up and by the poll). */
  kick(tenantId: string): void {
    if (this.stopped) return;
    this.waiting.add(tenantId);
    this.drain();
  }

  private drain(): void {
    for (const tenantId of this.waiting) {
      if (this.running.size >= this.options.relayParallelTenants) return;
      if (this.running.has(tenantId)) continue;
      this.waiting.delete(tenantId);
      this.running.add(tenantId);
      const pass = this.relay(tenantId).finally(() => {
        this.running.delete(tenantId);
        this.passes.delete(pass);
        this.drain();
      });
      this.passes.add(pass);
    }
  }

  private async relay(tenantId: string): Promise<void> {
    try {
      for (;;) {
        const result = await relayTenant(this.dataSource, this.registry.all(), tenantId, this.options.relayBatchSize);
        if (!result.locked) {
          setTimeout(() => this.kick(tenantId), LOCKED_RECHECK_MS).unref();
          return;
        }
        await this.wake(result.afterCommit);
        const full = result.sequenced >= this.options.relayBatchSize || result.dispatched >= this.options.relayBatchSize;
        if (!full || this.stopped) return;
      }
    } catch (error) {
      this.logger.error({ err: error, tenantId }, 'outbox relay pass failed; the poll retries it');
    }
  }

  /** Runs wake-ups; those that fail are kept and retried on the next poll. */
  private async wake(wakeups: AfterCommit[]): Promise<void> {
    const results = await Promise.allSettled(wakeups.map((wakeup) => wakeup()));
    const failed = wakeups.filter((_, i) => results[i].status === 'rejected');
    if (failed.length === 0) {
      if (wakeups.length && this.wakeupsFailing && this.failedWakeups.length === 0) {
        this.wakeupsFailing = false;
        this.logger.log('queue wake-ups work again');
      }
      return;
    }
    if (!this.wakeupsFailing) {
      this.wakeupsFailing = true;
      const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
      this.logger.warn(`queue wake-ups failed (${reason.message}); deliveries wait in Postgres and are queued once Redis answers`);
    }
    this.failedWakeups = [...this.failedWakeups, ...failed].slice(-MAX_RETRIED_WAKEUPS);
  }

  private schedulePoll(delayMs: number): void {
    this.pollTimer = setTimeout(() => void this.poll(), delayMs);
  }

  /** Every tenant with an event not yet dispatched (unnumbered or unrecorded), and wake-ups still owed. */
  private async poll(): Promise<void> {
    try {
      const retry = this.failedWakeups;
      this.failedWakeups = [];
      if (retry.length) await this.wake(retry);
      const rows: { tenant_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT tenant_id FROM outbox_events WHERE dispatched_at IS NULL`,
      );
      for (const row of rows) this.kick(row.tenant_id);
    } catch (error) {
      this.logger.warn(`outbox poll failed: ${(error as Error).message}`);
    } finally {
      if (!this.stopped) this.schedulePoll(this.options.pollIntervalMs);
    }
  }

  /** Stops taking new passes and lets the running ones finish, so no half-recorded batch is left behind. */
  async onModuleDestroy(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.waiting.clear();
    await this.listener?.stop();
    await Promise.allSettled([...this.passes]);
  }
}
