import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { BullBoardInstance } from '@bull-board/nestjs';
// By path: the package index also loads a feature module Jest cannot load (see queue-dashboard.module.ts).
import { InjectBullBoard } from '@bull-board/nestjs/dist/bull-board.decorator';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENTS_MAINTENANCE_QUEUE } from '../queues/event-queues';
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
 * The queues as seen from the API, for the dashboard (/admin/queues) and the depth endpoint: the event queues,
 * plus those other libs add with addQueue() (webhook deliveries, ...). Its connection fails fast while Redis is
 * down, so neither can hold up a request for long, and nothing else in the API depends on it.
 */
@Injectable()
export class EventQueuesReader implements OnModuleInit, OnModuleDestroy {
  private readonly connection: Redis;
  private readonly own: Queue[];
  private readonly added: Queue[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectBullBoard() private readonly board: BullBoardInstance,
  ) {
    this.connection = createProducerConnection(config.redisUrl, 'provisio-api-queues');
    this.own = [EVENTS_MAINTENANCE_QUEUE].map((name) => {
      const queue = new Queue(name, { connection: this.connection, prefix: config.queuePrefix });
      queue.on('error', () => undefined);
      return queue;
    });
  }

  get queues(): Queue[] {
    return [...this.own, ...this.added];
  }

  onModuleInit(): void {
    for (const queue of this.own) this.board.addQueue(new BullMQAdapter(queue));
  }

  /** Another lib's queue on the dashboard and in the depth endpoint. Its owner keeps it and closes it. */
  addQueue(queue: Queue): void {
    this.added.push(queue);
    this.board.addQueue(new BullMQAdapter(queue));
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
    await Promise.all(this.own.map((queue) => queue.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
