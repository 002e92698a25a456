import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { createTenant } from '../support/factories';
import { startTestApp } from '../support/test-app';
import { TestReceiver } from './support/receiver';
import { createWebhook, deliveries, FAST_DELIVERY_ENV, scimCreateUser } from './support/webhook-helpers';

/** Fault: a webhook URL on a private (here loopback) address, without OUTBOUND_ALLOWED_HOSTS. */
describe('webhook to a private address without the allow-list', () => {
  let receiver: TestReceiver;

  beforeAll(async () => {
    receiver = await new TestReceiver().start();
  });

  afterAll(async () => {
    await receiver?.stop();
  });

  it('is refused at configuration time with a 400 that says why', async () => {
    const t = await startTestApp({ OUTBOUND_ALLOWED_HOSTS: '' });
    try {
      const tenant = await createTenant(t);
      const base = `/admin/v1/tenants/${tenant.id}/webhooks`;
      for (const url of [receiver.url('/hook'), `http://localhost:${receiver.port}/hook`]) {
        const res = await t.http.post(base).auth(t.adminToken, { type: 'bearer' }).send({ url }).expect(400);
        expect(res.body.message).toMatch(/non-public address; outbound requests may reach it only if OUTBOUND_ALLOWED_HOSTS lists it/);
      }
      const created = await t.http.post(base).auth(t.adminToken, { type: 'bearer' }).send({ url: 'https://93.184.215.14/hook' }).expect(201);
      await t.http.patch(`${base}/${created.body.id}`).auth(t.adminToken, { type: 'bearer' }).send({ url: receiver.url('/hook') }).expect(400);
      expect(await t.dataSource.query(`SELECT url FROM webhook_endpoints WHERE tenant_id = $1`, [tenant.id])).toEqual([{ url: 'https://93.184.215.14/hook' }]);
    } finally {
      await t.close();
    }
  });

  it('is refused at delivery time by a worker without the allow-list: nothing reaches the receiver', async () => {
    // The API allowed the URL (it has the allow-list); the worker that sends does not.
    const t = await startTestApp(FAST_DELIVERY_ENV);
    let worker: INestApplicationContext | undefined;
    try {
      worker = await startTestWorker({ ...t.config, outboundAllowedHosts: [] }, []);
      const tenant = await createTenant(t);
      const hook = await createWebhook(t, tenant.id, { url: receiver.url('/internal') });
      await scimCreateUser(t, tenant);
      await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'dead', 10000, 'the refused delivery');
      const [delivery] = await deliveries(t, tenant.id, hook.id);
      // Refused before connecting, once: retrying cannot help.
      expect(delivery.attempts).toEqual([expect.objectContaining({
        outcome: 'refused', statusCode: null, error: expect.stringMatching(/Refused to connect to 127\.0\.0\.1.*OUTBOUND_ALLOWED_HOSTS/),
      })]);
      expect(receiver.to('/internal')).toEqual([]);
    } finally {
      await worker?.close();
      await t.close();
    }
  });
});
