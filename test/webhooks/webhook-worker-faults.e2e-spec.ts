import type { INestApplicationContext } from '@nestjs/common';
import { ChildWorker, startWorkerProcess } from '../events/support/child-worker';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from './support/receiver';
import { createWebhook, deliveries, FAST_DELIVERY_ENV, scimCreateUser } from './support/webhook-helpers';

/** Timeouts long enough for a receiver that takes 800 ms, short enough that a lost request's lease lapses quickly. */
const ENV = { ...FAST_DELIVERY_ENV, OUTBOUND_TIMEOUT_MS: '1000', DELIVERY_MAX_AGE_SECONDS: '60' };

describe('webhook delivery when its worker stops', () => {
  let t: TestApp;
  let receiver: TestReceiver;
  const workers: INestApplicationContext[] = [];
  let child: ChildWorker | undefined;

  beforeAll(async () => {
    t = await startTestApp(ENV);
    receiver = await new TestReceiver().start();
  });

  afterAll(async () => {
    await child?.kill();
    for (const worker of workers) await worker.close();
    await t?.close();
    await receiver?.stop();
  });

  it('graceful shutdown lets a request in flight finish and records it', async () => {
    const tenant = await createTenant(t);
    receiver.on('/slow', () => ({ status: 200, body: 'took a while', delayMs: 800 }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/slow') });
    const worker = await startTestWorker(t.config, []);
    try {
      await scimCreateUser(t, tenant);
      await waitFor(() => receiver.to('/slow').length === 1, 10000, 'the request to be in flight');
    } finally {
      await worker.close();
    }
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    expect(delivery.status).toBe('succeeded');
    expect(delivery.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, outcome: 'succeeded', responseExcerpt: 'took a while' })]);
  });

  it('a worker process killed in the middle of a request: the delivery completes on another worker', async () => {
    const tenant = await createTenant(t);
    receiver.on('/crash', (n) => (n === 1 ? { status: 200, body: 'too late', delayMs: 800 } : { status: 200, body: 'second worker' }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/crash') });
    child = startWorkerProcess('worker.child.ts', t.config, t.adminToken, ENV);
    await child.waitForLine(/^ready$/);
    await scimCreateUser(t, tenant);
    await waitFor(() => receiver.to('/crash').length === 1, 10000, 'the request from the child worker');
    await child.kill();

    workers.push(await startTestWorker(t.config, []));
    // The dead worker's job lock lapses (2 s in tests), then its lease on the delivery (3 timeouts + 5 s).
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 40000, 'delivery by the second worker');
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    // The killed attempt is logged as interrupted (its outcome is unknown), then the second worker's.
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: null, outcome: 'failed', error: expect.stringMatching(/^interrupted/) }),
      expect.objectContaining({ attempt: 2, statusCode: 200, outcome: 'succeeded', responseExcerpt: 'second worker' }),
    ]);
    const requests = receiver.to('/crash');
    expect(requests).toHaveLength(2);
    expect(requests[1].headers['webhook-id']).toBe(requests[0].headers['webhook-id']);
  }, 120000); // a child process that loads TypeScript can take most of a minute to boot on a busy machine
});
