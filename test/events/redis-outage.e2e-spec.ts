import type { INestApplicationContext } from '@nestjs/common';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, FAST_DELIVERY_ENV, scimCreateUser, scimPatchUser } from '../webhooks/support/webhook-helpers';
import { OwnRedis } from './support/own-redis';
import { closeAfterRedisRestart, startTestWorker, waitFor } from './support/test-worker';

interface Delivered {
  id: string;
  type: string;
  sequence: number;
  data: { id: string; resource: { title?: string } | null };
}

/**
 * Fault: Redis stopped (losing every queue: no persistence) while SCIM changes keep coming, then started again.
 * The receiver deduplicates on webhook-id, as docs/webhooks.md tells receivers to.
 */
describe('Redis stopped and restarted while changes keep coming', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
  let tenant: TestTenant;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    t = await startTestApp({ ...FAST_DELIVERY_ENV, REDIS_URL: redis.url, DELIVERY_MAX_AGE_SECONDS: '600', WEBHOOK_DISABLE_AFTER_DEAD_DELIVERIES: '1000' });
    worker = await startTestWorker(t.config, []);
    receiver = await new TestReceiver().start();
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    if (redis && !redis.running) await redis.restart(); // lets the worker close cleanly if the test failed while Redis was down
    if (worker) await closeAfterRedisRestart(worker);
    await t?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  it('delivers every event exactly once (after deduplication) and in per-resource order', async () => {
    await createWebhook(t, tenant.id, { url: receiver.url('/dedup') });
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await scimCreateUser(t, tenant));

    // Changes keep coming, round robin over the users, through the whole outage (at most 600, whatever happens).
    let writing = true;
    let writtenWhileDown = 0;
    const steps = new Map<string, number>(users.map((u) => [u.id, 0]));
    const writer = (async () => {
      for (let round = 0; writing && round < 200; round++) {
        for (const user of users) {
          const step = steps.get(user.id)! + 1;
          await scimPatchUser(t, tenant, user.id, [{ op: 'replace', path: 'title', value: `step-${step}` }]);
          steps.set(user.id, step);
          if (!redis.running) writtenWhileDown++;
        }
      }
    })();

    try {
      await pause(700);
      await redis.stop();
      await waitFor(() => writtenWhileDown >= 15, 15000, 'SCIM writes while Redis is down');
      // What operators see meanwhile: the queues are unreachable; the relay still records deliveries in Postgres
      // (it needs no Redis), where they wait for their jobs.
      const stats = await t.http.get('/admin/v1/events/stats').auth(t.adminToken, { type: 'bearer' }).expect(200);
      expect(stats.body.queues.available).toBe(false);
      await waitFor(async () => {
        const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE tenant_id = $1 AND attempts = 0`, [tenant.id]);
        return row.n > 0;
      }, 5000, 'deliveries recorded while Redis is down');
      await redis.restart();
      await pause(700);
    } finally {
      writing = false;
      await writer;
    }

    const committed: { id: string }[] = await t.dataSource.query(`SELECT id FROM outbox_events WHERE tenant_id = $1`, [tenant.id]);
    const firstArrivals = () => {
      const seen = new Map<string, Delivered>();
      for (const req of receiver.to('/dedup')) {
        const id = req.headers['webhook-id'] as string;
        if (!seen.has(id)) seen.set(id, JSON.parse(req.body) as Delivered);
      }
      return [...seen.values()];
    };
    await waitFor(() => firstArrivals().length >= committed.length, 60000, `all ${committed.length} events at the receiver`);

    const delivered = firstArrivals();
    expect(delivered.map((e) => e.id).sort()).toEqual(committed.map((e) => e.id).sort());
    for (const user of users) {
      const own = delivered.filter((e) => e.data.id === user.id);
      const expected = Array.from({ length: steps.get(user.id)! }, (_, i) => `step-${i + 1}`);
      expect(own.map((e) => e.type)).toEqual(['user.created', ...expected.map(() => 'user.updated')]);
      expect(own.map((e) => e.data.resource?.title ?? null)).toEqual([null, ...expected]);
      const sequences = own.map((e) => e.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
  }, 120000);
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
