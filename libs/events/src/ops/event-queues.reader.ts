import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENT_PARTITION_QUEUES, EVENTS_MAINTENANCE_QUEUE } from '../queues/event-queues';
import { createProducerConnection } from '../queues/redis-connections';

export interface QueueDepth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

const READ_TIMEOUT_MS = 2000;

/**
 * The event queues as seen from the API, for the dashboard and the depth endpoint. Its connection fails fast
 * while Redis is down, so neither can hold up a request for long, and nothing else in the API depends on it.
 */
@Injectable()
export class EventQueuesReader implements OnModuleDestroy {
  private readonly connection: Redis;
  readonly queues: Queue[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = createProducerConnection(config.redisUrl, 'provisio-api-queues');
    this.queues = [...EVENT_PARTITION_QUEUES, EVENTS_MAINTENANCE_QUEUE].map((name) => {
      const queue = new Queue(name, { connection: this.connection, prefix: config.queuePrefix });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  async depths(): Promise<QueueDepth[]> {
    const read = Promise.all(
      this.queues.map(async (queue) => ({
        name: queue.name,
        ...(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')),
      })) as Promise<QueueDepth>[],
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
    });
    return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
