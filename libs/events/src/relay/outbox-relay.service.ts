import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createProducerConnection } from '../queues/redis-connections';
import { EventPublisher } from './event-publisher';
import { OutboxListener } from './outbox-listener';
import { relayTenant } from './relay-tenant';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions } from './relay-options';

/** A tenant another relay is working on is looked at again this soon, in case its pass ended just before our rows. */
const LOCKED_RECHECK_MS = 100;

/**
 * Moves outbox rows to BullMQ. Woken by NOTIFY on every outbox commit, and polls as a fallback. Each tenant is
 * relayed by one pass at a time in this process and, through the tenant's sequence-row lock, across processes.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly waiting = new Set<string>();
  private readonly running = new Set<string>();
  private readonly passes = new Set<Promise<void>>();
  private connection?: Redis;
  private publisher?: EventPublisher;
  private listener?: OutboxListener;
  private pollTimer?: NodeJS.Timeout;
  private stopped = true;
  private redisDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENTS_WORKER_OPTIONS) private readonly options: EventsWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.relay) return;
    this.stopped = false;
    this.connection = createProducerConnection(this.config.redisUrl, 'provisio-relay');
    this.publisher = new EventPublisher(this.connection, this.config.queuePrefix);
    this.listener = new OutboxListener(this.config.databaseUrl, (tenantId) => this.kick(tenantId));
    this.listener.start();
    this.schedulePoll(0);
  }

  /** Relay this tenant soon (called on NOTIFY and by the poll). */
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
        const result = await relayTenant(this.dataSource, this.publisher!, tenantId, this.options.relayBatchSize);
        if (!result.locked) {
          setTimeout(() => this.kick(tenantId), LOCKED_RECHECK_MS).unref();
          return;
        }
        if (result.publishError) return this.onRedisFailure(result.publishError);
        this.onRedisOk();
        const full = result.sequenced >= this.options.relayBatchSize || result.published >= this.options.relayBatchSize;
        if (!full || this.stopped) return;
      }
    } catch (error) {
      this.logger.error({ err: error, tenantId }, 'outbox relay pass failed; the poll retries it');
    }
  }

  private onRedisFailure(error: Error): void {
    if (this.redisDown) return;
    this.redisDown = true;
    this.logger.warn(`Redis unavailable, events wait in the outbox: ${error.message}`);
  }

  private onRedisOk(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    this.logger.log('Redis is back, relaying waiting events');
  }

  private schedulePoll(delayMs: number): void {
    this.pollTimer = setTimeout(() => void this.poll(), delayMs);
  }

  /** Every tenant with an event not yet handed to all subscribers: unnumbered, unpublished, or lost by Redis. */
  private async poll(): Promise<void> {
    try {
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

  /** Stops taking new passes and lets the running ones finish, so no half-marked batch is left behind. */
  async onModuleDestroy(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.waiting.clear();
    await this.listener?.stop();
    await Promise.allSettled([...this.passes]);
    await this.publisher?.close().catch(() => undefined);
    this.connection?.disconnect();
  }
}
