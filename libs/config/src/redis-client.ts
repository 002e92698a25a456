import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, RedisOptions } from 'ioredis';
import type { AppConfig } from './app-config';
import type { RedisTopology } from './redis-topology';

/** What BullMQ and our own readers are given: one server (also through Sentinel) or a cluster. */
export type RedisClient = Redis | Cluster;

/**
 * Opens a connection to wherever Redis is (docs/scaling.md). Through Sentinel, ioredis asks the sentinels for
 * the current primary and follows a failover; on a cluster, it follows the slot map.
 */
export function createRedisClient(topology: RedisTopology, options: RedisOptions): RedisClient {
  switch (topology.kind) {
    case 'single':
      return new Redis(topology.url, options);
    case 'sentinel':
      return new Redis({ ...options, sentinels: topology.sentinels, name: topology.masterName, password: topology.password });
    case 'cluster':
      return new Cluster(topology.nodes, {
        redisOptions: { ...options, password: topology.password },
        enableOfflineQueue: options.enableOfflineQueue ?? true,
        clusterRetryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      });
  }
}

/**
 * BullMQ key prefix of one queue. BullMQ's scripts touch several keys of a queue at once, which a Redis Cluster
 * allows only within one slot; a hash tag per queue (`provisio:{webhook-deliveries}`) keeps each queue on one
 * slot while different queues spread over the cluster. One server or Sentinel keep the plain prefix, so their
 * keys are the same as before.
 */
export function queueKeyPrefix(config: Pick<AppConfig, 'queuePrefix' | 'redis'>, queueName: string): string {
  return config.redis.kind === 'cluster' ? `${config.queuePrefix}:{${queueName}}` : config.queuePrefix;
}

/**
 * Connection for adding jobs and reading queue state. Commands fail at once while Redis is down instead of
 * queueing in memory, so nothing waits on Redis: events stay in the outbox and the relay tries again.
 */
export function createProducerConnection(topology: RedisTopology, name: string): RedisClient {
  return quiet(createRedisClient(topology, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  }));
}

/** BullMQ workers block on Redis and must retry forever (BullMQ requires maxRetriesPerRequest: null). */
export function createWorkerConnection(topology: RedisTopology, name: string): RedisClient {
  return quiet(createRedisClient(topology, {
    connectionName: name,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  }));
}

/** ioredis emits 'error' on every failed reconnect; without a listener Node would crash the process. */
function quiet(redis: RedisClient): RedisClient {
  redis.on('error', () => undefined);
  return redis;
}

/**
 * The connection @nestjs/bullmq's BullModule.forRoot is given: options for one server or Sentinel (BullMQ opens
 * its own connections from them), a cluster client otherwise (BullMQ duplicates it for blocking commands).
 */
export function bullConnection(topology: RedisTopology): ConnectionOptions {
  switch (topology.kind) {
    case 'single':
      return { url: topology.url, maxRetriesPerRequest: null };
    case 'sentinel':
      return { sentinels: topology.sentinels, name: topology.masterName, password: topology.password, maxRetriesPerRequest: null };
    case 'cluster':
      return createWorkerConnection(topology, 'provisio-bullmq');
  }
}

/** Where Redis is, for logs: never a password. */
export function describeRedis(topology: RedisTopology): string {
  const nodes = (list: { host: string; port: number }[]) => list.map((n) => `${n.host}:${n.port}`).join(',');
  switch (topology.kind) {
    case 'single': {
      const url = new URL(topology.url);
      if (url.password) url.password = '***';
      return url.toString();
    }
    case 'sentinel':
      return `sentinel master "${topology.masterName}" via ${nodes(topology.sentinels)}`;
    case 'cluster':
      return `cluster ${nodes(topology.nodes)}`;
  }
}
