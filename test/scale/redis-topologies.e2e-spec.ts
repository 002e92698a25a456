import { execFileSync } from 'node:child_process';
import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker } from '../events/support/test-worker';
import { hideExpectedConsoleErrors } from '../support/expected-errors';
import { createTenant, TestTenant } from '../support/factories';
import { RedisCluster, startRedisCluster } from '../support/servers/redis-cluster';
import { RedisSentinelSetup, startRedisSentinel } from '../support/servers/redis-sentinel';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, FAST_DELIVERY_ENV, scimCreateUser, scimPatchUser } from '../webhooks/support/webhook-helpers';

interface Running {
  t: TestApp;
  worker: INestApplicationContext;
  receiver: TestReceiver;
  tenant: TestTenant;
}

async function startFlow(env: Record<string, string>): Promise<Running> {
  const t = await startTestApp({ ...FAST_DELIVERY_ENV, ...env });
  const worker = await startTestWorker(t.config, []);
  const receiver = await new TestReceiver().start();
  receiver.on('/hook', () => ({ status: 204 }));
  const tenant = await createTenant(t);
  await createWebhook(t, tenant.id, { url: receiver.url('/hook') });
  return { t, worker, receiver, tenant };
}

/**
 * Once the test's own Redis servers stop, BullMQ's reconnect attempts print refused connections and unreachable
 * sentinels through console.error; those are expected here, anything else still prints.
 */
function hideRefusedReconnects(): void {
  hideExpectedConsoleErrors((args) => args.some((arg) => {
    const error = arg as { code?: string; message?: string } | undefined;
    return error?.code === 'ECONNREFUSED' || /All sentinels are unreachable/.test(error?.message ?? String(arg));
  }));
}

async function stopFlow(run?: Running): Promise<void> {
  hideRefusedReconnects();
  await run?.worker.close();
  await run?.receiver.stop();
  await run?.t.close();
}

/** Creates each user and flips `active` twice, so every user has three events whose order is checkable. */
async function writeUsers(run: Running, names: string[]): Promise<void> {
  await Promise.all(names.map(async (name) => {
    const user = await scimCreateUser(run.t, run.tenant, { userName: `${name}@example.com` });
    await scimPatchUser(run.t, run.tenant, user.id, [{ op: 'replace', path: 'active', value: false }]);
    await scimPatchUser(run.t, run.tenant, user.id, [{ op: 'replace', path: 'active', value: true }]);
  }));
}

/** Every user's events arrived, each once, in the order they were written. */
async function expectDeliveredInOrder(run: Running, users: number, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const perUser = () => {
    const seen = new Map<string, string[]>();
    const ids = new Set<string>();
    for (const request of run.receiver.to('/hook')) {
      const event = JSON.parse(request.body);
      if (ids.has(event.id)) continue; // at-least-once: a repeat carries the same id
      ids.add(event.id);
      seen.set(event.data.id, [...(seen.get(event.data.id) ?? []), event.type]);
    }
    return seen;
  };
  while ([...perUser().values()].filter((types) => types.length === 3).length < users && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seen = perUser();
  expect(seen.size).toBe(users);
  for (const types of seen.values()) expect(types).toEqual(['user.created', 'user.deactivated', 'user.reactivated']);
}

describe('queues on a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
  let cluster: RedisCluster;
  let run: Running;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    run = await startFlow({ REDIS_CLUSTER_NODES: cluster.nodes.join(',') });
  }, 90000);

  afterAll(async () => {
    await stopFlow(run);
    await cluster?.stop();
  });

  it('delivers every event of a SCIM write in order per resource', async () => {
    await writeUsers(run, Array.from({ length: 12 }, (_, i) => `cluster-${i}`));
    await expectDeliveredInOrder(run, 12);
  }, 60000);

  it('gives each queue a hash tag of its own, so queues spread over the masters', async () => {
    const keysPerMaster = cluster.nodes.map((node) => {
      const port = node.split(':')[1];
      return execFileSync('redis-cli', ['-p', port, '--scan', '--pattern', `${run.t.config.queuePrefix}:*`], { encoding: 'utf8' })
        .split('\n').filter(Boolean);
    });
    const tags = new Set(keysPerMaster.flat().map((key) => /\{([^}]+)\}/.exec(key)?.[1]));
    expect(tags.has(undefined)).toBe(false);
    expect(tags.size).toBeGreaterThan(1);
    expect(keysPerMaster.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
  });
});

describe('queues on a Sentinel-managed Redis (REDIS_SENTINELS)', () => {
  let sentinel: RedisSentinelSetup;
  let run: Running;

  beforeAll(async () => {
    sentinel = await startRedisSentinel('provisio');
    run = await startFlow({ REDIS_SENTINELS: sentinel.sentinels.join(','), REDIS_SENTINEL_MASTER: sentinel.masterName });
  }, 90000);

  afterAll(async () => {
    await stopFlow(run);
    await sentinel?.stop();
  });

  it('loses and reorders nothing when the master fails over in the middle of the load', async () => {
    const before = writeUsers(run, Array.from({ length: 10 }, (_, i) => `before-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sentinel.failOver();
    await before;
    await writeUsers(run, Array.from({ length: 10 }, (_, i) => `after-${i}`));
    await expectDeliveredInOrder(run, 20, 60000);
  }, 120000);
});
