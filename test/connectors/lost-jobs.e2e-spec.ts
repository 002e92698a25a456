import type { INestApplicationContext } from '@nestjs/common';
import { ConnectorSyncSweeper } from '@provisio/connectors';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { scim } from '../scim/scim-test-client';
import { CONNECTOR_TEST_ENV, createConnector, findUser, listen, settled } from './support/connector-helpers';

/**
 * Redis loses the connector's queued jobs (a restart without persistence): the sweeper notices the missing
 * marker and queues every open sync again at once, instead of waiting for the 60 s overdue sweep.
 */
describe('connector syncs whose jobs Redis lost', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let syncs: Queue;
  let redis: Redis;
  let marker: string;

  beforeAll(async () => {
    t = await startTestApp(CONNECTOR_TEST_ENV);
    worker = await startTestWorker(t.config, []);
    syncs = new Queue('connector-syncs', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    redis = new Redis(t.config.redisUrl);
    marker = `${t.config.queuePrefix}:queued-marker:connector-syncs`;
  });

  afterAll(async () => {
    await syncs?.close();
    redis?.disconnect();
    await worker?.close();
    await t?.close();
  });

  it('shows the sync and resync queues in the events stats', async () => {
    const res = await t.http.get('/admin/v1/events/stats').auth(t.adminToken, { type: 'bearer' }).expect(200);
    const names = res.body.queues.items.map((q: { name: string }) => q.name);
    expect(names).toEqual(expect.arrayContaining(['connector-syncs', 'connector-resyncs', 'webhook-deliveries']));
  });

  it('re-queues an open sync at once when the queue and its marker are gone, and the sync is delivered', async () => {
    const baseUrl = await listen(t);
    const a = await createTenant(t);
    const b = await createTenant(t);
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: b.token });
    const sweeper = worker.get(ConnectorSyncSweeper, { strict: false });
    sweeper.onApplicationShutdown(); // only this test's explicit ticks re-queue

    // Workers take nothing while paused: the sync row is written and its job waits in Redis.
    await syncs.pause();
    const user = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body;
    await waitFor(async () => (await pendingSyncs(a.id)) === 1, 15000, 'the sync row');
    await waitFor(async () => total(await syncs.getJobCounts('waiting', 'delayed')) > 0, 15000, 'its job');

    // Redis forgets: the jobs and the marker go.
    await syncs.obliterate({ force: true });
    await syncs.resume();
    await redis.del(marker);
    expect(total(await syncs.getJobCounts('waiting', 'active', 'delayed', 'prioritized'))).toBe(0);
    expect(await pendingSyncs(a.id)).toBe(1);

    expect(await sweeper.tick()).toBeGreaterThanOrEqual(1);
    const state = await settled(t, a.id, connector.id, 1);
    expect(state.sync).toEqual(expect.objectContaining({ succeeded: 1, dead: 0, pending: 0 }));
    expect(await findUser(t, b, user.userName)).toEqual(expect.objectContaining({ externalId: user.id }));

    // The marker is back: the next tick is the ordinary overdue sweep, which finds nothing open.
    expect(await redis.exists(marker)).toBe(1);
    expect(await sweeper.tick()).toBe(0);
  });

  function total(counts: Record<string, number>): number {
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  async function pendingSyncs(tenantId: string): Promise<number> {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM connector_syncs WHERE tenant_id = $1 AND status IN ('pending', 'failed')`, [tenantId]);
    return row.n;
  }
});
