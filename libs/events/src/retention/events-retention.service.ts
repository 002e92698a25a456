import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { EVENTS_MAINTENANCE_QUEUE, EVENTS_PURGE_JOB } from '../queues/event-queues';
import { createWorkerConnection } from '../queues/redis-connections';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions } from '../relay/relay-options';
import { QueueRegistry } from '../queues/queue-registry';
import { purgeExpiredEvents } from './purge-expired-events';

/**
 * The retention purge as a BullMQ repeatable job: every worker upserts the same scheduler id, so however many
 * workers run, the purge runs once per interval on one of them.
 */
@Injectable()
export class EventsRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventsRetentionService.name);
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENTS_WORKER_OPTIONS) private readonly options: EventsWorkerOptions,
    private readonly registry: QueueRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.relay) return;
    this.connection = createWorkerConnection(this.config.redisUrl, 'provisio-events-maintenance');
    const opts = { connection: this.connection, prefix: this.config.queuePrefix };
    this.queue = new Queue(EVENTS_MAINTENANCE_QUEUE, opts);
    this.queue.on('error', () => undefined);
    // Waits for Redis if it is down at start (the connection retries), so a later start still schedules it.
    this.queue
      .upsertJobScheduler(EVENTS_PURGE_JOB, { every: this.options.purgeEveryMs }, { name: EVENTS_PURGE_JOB, opts: { removeOnComplete: 100, removeOnFail: 100 } })
      .catch((error: Error) => this.logger.warn(`could not schedule the events purge: ${error.message}`));
    this.worker = new Worker(EVENTS_MAINTENANCE_QUEUE, () => this.purge(), { ...opts, concurrency: 1 });
    this.worker.on('error', () => undefined);
    this.registry.serving(EVENTS_MAINTENANCE_QUEUE);
  }

  async purge(): Promise<{ deleted: number }> {
    const deleted = await purgeExpiredEvents(this.dataSource);
    if (deleted) this.logger.log(`purged ${deleted} events past their tenant's retention`);
    return { deleted };
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
