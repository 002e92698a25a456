import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Job, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { EVENT_PARTITION_QUEUES, EventJobData } from '../queues/event-queues';
import { createWorkerConnection } from '../queues/redis-connections';
import { EVENTS_WORKER_OPTIONS, EventsWorkerOptions } from '../relay/relay-options';
import { EventSubscriberRegistry } from '../subscribers/event-subscriber.registry';
import { loadEnvelope, markDispatched } from './event-loader';
import { retryDelayMs, sleep } from './retry-delay';

/** How long shutdown waits for in-flight events before leaving them to another worker (via the stalled check). */
const SHUTDOWN_GRACE_MS = 20000;
const ERROR_LOG_INTERVAL_MS = 30000;

/**
 * Hands each event to every registered subscriber. One BullMQ worker per partition queue, concurrency 1, and
 * the queues' global concurrency of 1 (set by the relay) keep one event per partition in flight across all
 * processes, so the events of a resource are handled in commit order. A failing subscriber is retried in place
 * with backoff: the event keeps its place at the head of its partition until every subscriber has it.
 */
@Injectable()
export class EventFanOutService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventFanOutService.name);
  private readonly shutdown = new AbortController();
  private workers: Worker<EventJobData>[] = [];
  private connection?: Redis;
  private lastErrorLog = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENTS_WORKER_OPTIONS) private readonly options: EventsWorkerOptions,
    private readonly registry: EventSubscriberRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.fanOut) return;
    this.connection = createWorkerConnection(this.config.redisUrl, 'provisio-fan-out');
    this.workers = EVENT_PARTITION_QUEUES.map((name) => {
      const worker = new Worker<EventJobData>(name, (job, token) => this.process(job, token), {
        connection: this.connection!,
        prefix: this.config.queuePrefix,
        concurrency: 1,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // A job whose worker died goes back to the head of its partition; only one that keeps killing workers fails.
        maxStalledCount: 10,
      });
      worker.on('error', (error) => this.logThrottled(error));
      return worker;
    });
    this.logger.log(`fan-out listening on ${EVENT_PARTITION_QUEUES.length} partition queues for ${this.registry.all().length} subscriber(s)`);
  }

  queueNames(): readonly string[] {
    return this.options.fanOut ? EVENT_PARTITION_QUEUES : [];
  }

  private async process(job: Job<EventJobData>, token?: string): Promise<string> {
    const { tenantId, eventId } = job.data;
    const event = await loadEnvelope(this.dataSource, tenantId, eventId);
    if (!event) return 'gone';
    const done = new Set(job.data.done ?? []);
    for (let attempt = 1; ; attempt++) {
      const pending = this.registry.all().filter((subscriber) => !done.has(subscriber.name));
      const results = await Promise.allSettled(pending.map((subscriber) => subscriber.handle(event, { attempt })));
      const failures = results.flatMap((result, i) => {
        if (result.status === 'fulfilled') done.add(pending[i].name);
        return result.status === 'rejected' ? [{ subscriber: pending[i].name, err: result.reason }] : [];
      });
      if (!failures.length) break;
      for (const failure of failures) {
        this.logger.warn({ ...failure, eventId, tenantId, attempt }, 'event subscriber failed; retrying in place');
      }
      await job.updateData({ ...job.data, done: [...done] });
      const delay = retryDelayMs(attempt, this.options.maxRetryDelayMs);
      if (!(await sleep(delay, this.shutdown.signal))) return this.giveBack(job, token);
    }
    await markDispatched(this.dataSource, tenantId, eventId);
    return 'dispatched';
  }

  /** Shutting down mid-retry: return the event to the head of its partition for another worker. */
  private async giveBack(job: Job<EventJobData>, token?: string): Promise<never> {
    await job.moveToWait(token);
    throw new WaitingError();
  }

  private logThrottled(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog = now;
    this.logger.warn(`event worker: ${error.message}`);
  }

  /** Graceful stop: in-flight events finish (or go back to their queue); nothing new is taken. */
  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    const closing = Promise.all(this.workers.map((worker) => worker.close()));
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS).unref());
    if ((await Promise.race([closing, timer])) === 'timeout') {
      this.logger.warn('in-flight events did not finish in time; their locks lapse and another worker takes them');
      await Promise.all(this.workers.map((worker) => worker.close(true)));
    }
    this.connection?.disconnect();
  }
}
