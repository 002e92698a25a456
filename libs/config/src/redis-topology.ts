import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where Redis is: one server (REDIS_URL), a Redis Cluster (REDIS_CLUSTER_NODES, any of its masters as
 * seeds), or a primary found through Sentinel (REDIS_SENTINELS + REDIS_SENTINEL_MASTER). REDIS_PASSWORD
 * authenticates cluster nodes and the Sentinel-managed primary; REDIS_URL carries its own.
 */
export type RedisTopology =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNode[]; password?: string }
  | { kind: 'sentinel'; sentinels: RedisNode[]; masterName: string; password?: string };

export function redisTopology(env: Env, redisUrl: string): RedisTopology {
  const cluster = nodeList(env, 'REDIS_CLUSTER_NODES');
  const sentinels = nodeList(env, 'REDIS_SENTINELS');
  const password = env.REDIS_PASSWORD || undefined;
  if (cluster.length && sentinels.length) {
    throw new ConfigError('REDIS_CLUSTER_NODES', 'and REDIS_SENTINELS cannot both be set: a cluster has no Sentinel');
  }
  if (cluster.length) return { kind: 'cluster', nodes: cluster, password };
  if (sentinels.length) {
    const masterName = env.REDIS_SENTINEL_MASTER;
    if (!masterName) throw new ConfigError('REDIS_SENTINEL_MASTER', 'is required with REDIS_SENTINELS (the name the sentinels monitor)');
    return { kind: 'sentinel', sentinels, masterName, password };
  }
  return { kind: 'single', url: redisUrl };
}

function nodeList(env: Env, name: string): RedisNode[] {
  const entries = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return entries.map((entry) => {
    const match = /^([A-Za-z0-9.\-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65535) throw new ConfigError(name, `must be a comma-separated list of host:port (got "${entry}")`);
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}
