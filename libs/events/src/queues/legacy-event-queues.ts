import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { LEGACY_EVENT_PARTITION_QUEUES } from './event-queues';
import { createProducerConnection } from './redis-connections';

/**
 * Removes the 16 partition queues of the fan-out before issue #9, once per worker start. Safe while an old worker
 * still runs: their jobs only woke a fan-out for events the relay now records itself (every event without
 * dispatched_at), and delivery rows are unique per (target, event), so an old worker finishing one of them adds
 * nothing twice. Best effort: with Redis down it tries again at the next start.
 */
@Injectable()
export class LegacyEventQueues implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyEventQueues.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    void this.removeAll();
  }

  async removeAll(): Promise<number> {
    const connection = createProducerConnection(this.config.redisUrl, 'provisio-legacy-queues');
    let removed = 0;
    try {
      await ready(connection);
      for (const name of LEGACY_EVENT_PARTITION_QUEUES) {
        const queue = new Queue(name, { connection, prefix: this.config.queuePrefix });
        queue.on('error', () => undefined);
        try {
          if ((await connection.exists(`${this.config.queuePrefix}:${name}:meta`)) === 1) {
            await queue.obliterate({ force: true });
            removed++;
          }
        } finally {
          await queue.close();
        }
      }
      if (removed) this.logger.log(`removed ${removed} legacy event partition queue(s); their events are relayed from the outbox`);
    } catch (error) {
      this.logger.warn(`could not remove the legacy event queues yet: ${(error as Error).message}`);
    } finally {
      connection.disconnect();
    }
    return removed;
  }
}

function ready(connection: Redis, timeoutMs = 5000): Promise<void> {
  if (connection.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    connection.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
