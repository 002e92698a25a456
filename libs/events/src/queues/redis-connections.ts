import { Redis, RedisOptions } from 'ioredis';

/**
 * Connection for adding jobs and reading queue state from the relay and the API. Commands fail at once while
 * Redis is down instead of queueing in memory, so nothing waits on Redis: events stay in the outbox and the
 * relay tries again.
 */
export function createProducerConnection(redisUrl: string, name: string): Redis {
  return quiet(new Redis(redisUrl, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  }));
}

/** BullMQ workers block on Redis and must retry forever (maxRetriesPerRequest: null is required by BullMQ). */
export function workerConnectionOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
}

export function createWorkerConnection(redisUrl: string, name: string): Redis {
  return quiet(new Redis(redisUrl, { ...workerConnectionOptions(), connectionName: name }));
}

/** ioredis emits 'error' on every failed reconnect; without a listener Node would crash the process. */
function quiet(redis: Redis): Redis {
  redis.on('error', () => undefined);
  return redis;
}
