import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { BullBoardInstance } from '@bull-board/nestjs';
// By path: the package index also loads a feature module Jest cannot load (see queue-dashboard.module.ts).
import { InjectBullBoard } from '@bull-board/nestjs/dist/bull-board.decorator';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueRegistry } from '../queues/queue-registry';
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
 * The queues as seen from the API, for the dashboard (/admin/queues) and the depth endpoint: every queue declared
 * in the QueueRegistry. Its connection fails fast while Redis is down, so neither can hold up a request for long,
 * and nothing else in the API depends on it.
 */
@Injectable()
export class EventQueuesReader implements OnModuleInit, OnModuleDestroy {
  private readonly connection: Redis;
  queues: Queue[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectBullBoard() private readonly board: BullBoardInstance,
    private readonly registry: QueueRegistry,
  ) {
    this.connection = createProducerConnection(config.redisUrl, 'provisio-api-queues');
  }

  /** After every module declared its queues (providers are all instantiated before the first onModuleInit). */
  onModuleInit(): void {
    this.queues = this.registry.names().map((name) => {
      const queue = new Queue(name, { connection: this.connection, prefix: this.config.queuePrefix });
      queue.on('error', () => undefined);
      this.board.addQueue(new BullMQAdapter(queue));
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
