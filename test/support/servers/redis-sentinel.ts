import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from './free-port';
import { ping, stopAll } from './redis-cluster';

export interface RedisSentinelSetup {
  masterName: string;
  /** `host:port` of every sentinel, the form REDIS_SENTINELS takes. */
  sentinels: string[];
  /** Kills the current master; a sentinel promotes the replica. Resolves once the promotion is visible. */
  failOver(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One master, one replica and three sentinels (quorum 2), Debian's redis-server and redis-sentinel on free
 * ports in a throwaway directory. Never the machine's own Redis.
 */
export async function startRedisSentinel(masterName = 'provisio'): Promise<RedisSentinelSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'provisio-redis-sentinel-'));
  const children = new Map<number, ChildProcess>();
  const redis = (port: number, extra: string[] = []) => {
    children.set(port, spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extra], { stdio: 'ignore' }));
  };
  const masterPort = await freePort();
  redis(masterPort);
  const replicaPort = await freePort();
  redis(replicaPort, ['--replicaof', '127.0.0.1', String(masterPort)]);
  await waitFor('master', () => ping(masterPort));
  await waitFor('replica', () => ping(replicaPort));
  const sentinelPorts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    sentinelPorts.push(port);
    const config = join(dir, `sentinel-${port}.conf`);
    writeFileSync(config, [
      `port ${port}`, 'bind 127.0.0.1', `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${masterPort} 2`,
      `sentinel down-after-milliseconds ${masterName} 1000`,
      `sentinel failover-timeout ${masterName} 5000`,
      `sentinel parallel-syncs ${masterName} 1`, '',
    ].join('\n'));
    children.set(port, spawn('redis-sentinel', [config], { stdio: 'ignore' }));
  }
  for (const port of sentinelPorts) await waitFor(`sentinel on ${port}`, () => ping(port));
  let currentMaster = masterPort;
  return {
    masterName,
    sentinels: sentinelPorts.map((port) => `127.0.0.1:${port}`),
    failOver: async () => {
      const old = currentMaster;
      children.get(old)?.kill('SIGKILL');
      const next = old === masterPort ? replicaPort : masterPort;
      await waitFor('sentinel promotes the replica', async () => {
        const { execFileSync } = await import('node:child_process');
        const out = execFileSync('redis-cli', ['-p', String(sentinelPorts[0]), 'sentinel', 'get-master-addr-by-name', masterName], { encoding: 'utf8' });
        return out.includes(String(next));
      }, 30000);
      currentMaster = next;
    },
    stop: () => stopAll([...children.values()], dir),
  };
}
