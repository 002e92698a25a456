import { ConfigError } from './config-error';
import { redisTopology } from './redis-topology';

const URL = 'redis://127.0.0.1:6379';

describe('redisTopology', () => {
  it('is one server at REDIS_URL by default', () => {
    expect(redisTopology({}, URL)).toEqual({ kind: 'single', url: URL });
  });

  it('reads cluster seeds as host:port, IPv6 in brackets', () => {
    expect(redisTopology({ REDIS_CLUSTER_NODES: 'r1:7000, [::1]:7001', REDIS_PASSWORD: 'pw' }, URL)).toEqual({
      kind: 'cluster', nodes: [{ host: 'r1', port: 7000 }, { host: '::1', port: 7001 }], password: 'pw',
    });
  });

  it('needs the monitored master name with sentinels', () => {
    expect(() => redisTopology({ REDIS_SENTINELS: 's1:26379' }, URL)).toThrow(/REDIS_SENTINEL_MASTER is required/);
    expect(redisTopology({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_MASTER: 'provisio' }, URL)).toEqual({
      kind: 'sentinel', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }], masterName: 'provisio', password: undefined,
    });
  });

  it.each([
    [{ REDIS_CLUSTER_NODES: 'r1' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_CLUSTER_NODES: 'r1:0' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_SENTINELS: 'redis://s1:26379', REDIS_SENTINEL_MASTER: 'm' }, 'REDIS_SENTINELS'],
    [{ REDIS_CLUSTER_NODES: 'r1:7000', REDIS_SENTINELS: 's1:26379' }, 'REDIS_CLUSTER_NODES'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => redisTopology(env, URL)).toThrow(ConfigError);
    expect(() => redisTopology(env, URL)).toThrow(new RegExp(`^.*${variable}`));
  });
});
