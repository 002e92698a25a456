import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from './support/receiver';
import { createWebhook, deliveries, FAST_DELIVERY_ENV, scimCreateUser } from './support/webhook-helpers';

describe('webhook retries: Retry-After, replay rules and audit', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
  const admin = { type: 'bearer' as const };

  beforeAll(async () => {
    // A 60 s retry window, so a Retry-After of 30 s keeps a delivery open while the test looks at it.
    t = await startTestApp({ ...FAST_DELIVERY_ENV, DELIVERY_MAX_AGE_SECONDS: '60' });
    worker = await startTestWorker(t.config, []);
    receiver = await new TestReceiver().start();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await receiver?.stop();
  });

  const replay = (tenantId: string, webhookId: string, deliveryId: string) =>
    t.http.post(`/admin/v1/tenants/${tenantId}/webhooks/${webhookId}/deliveries/${deliveryId}/replay`).auth(t.adminToken, admin);

  it('waits at least as long as a 429 Retry-After asks before the next attempt', async () => {
    const tenant = await createTenant(t);
    receiver.on('/throttled', (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' } : { status: 200 }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/throttled') });
    await scimCreateUser(t, tenant);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 15000, 'delivery after the throttle');
    const [first, second] = receiver.to('/throttled');
    // Without Retry-After the next attempt would come after about 50 ms (DELIVERY_RETRY_BASE_MS).
    expect(second.at - first.at).toBeGreaterThanOrEqual(1900);
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    expect(delivery.attempts.map((a) => [a.statusCode, a.outcome, a.responseExcerpt])).toEqual([[429, 'failed', 'slow down'], [200, 'succeeded', null]]);
  });

  it('schedules the next attempt after a 503 Retry-After, and refuses to replay a delivery still being retried', async () => {
    const tenant = await createTenant(t);
    receiver.on('/maintenance', () => ({ status: 503, headers: { 'retry-after': '30' } }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/maintenance') });
    await scimCreateUser(t, tenant);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'failed', 10000, 'the first failed attempt');
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    const lastAttemptAt = Date.parse(delivery.attempts[0].at);
    expect(Date.parse(delivery.nextAttemptAt!) - lastAttemptAt).toBeGreaterThanOrEqual(29000);
    const refused = await replay(tenant.id, hook.id, delivery.id).expect(409);
    expect(refused.body.message).toMatch(/still failed; it will be retried/);
  });

  it('records a replay in the audit log, and refuses one while the endpoint is disabled', async () => {
    const tenant = await createTenant(t);
    receiver.on('/rejecting', (n) => (n === 1 ? { status: 400, body: 'bad payload' } : { status: 204 }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/rejecting') });
    await scimCreateUser(t, tenant);
    // A 4xx other than 408/429 is permanent: dead after one attempt.
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'dead', 10000, 'a dead delivery');
    const [dead] = await deliveries(t, tenant.id, hook.id);
    expect(dead.attemptCount).toBe(1);

    await t.http.patch(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}`).auth(t.adminToken, admin).send({ enabled: false }).expect(200);
    const disabled = await replay(tenant.id, hook.id, dead.id).expect(409);
    expect(disabled.body.message).toMatch(/disabled; enable it before replaying/);
    await t.http.patch(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}`).auth(t.adminToken, admin).send({ enabled: true }).expect(200);

    await replay(tenant.id, hook.id, dead.id).expect(202);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 10000, 'the replayed delivery');
    const audit = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ action: 'webhook.delivery_replayed' }).auth(t.adminToken, admin).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toEqual(expect.objectContaining({ resourceType: 'Webhook', resourceId: hook.id }));
    expect(audit.body.items[0].summary).toContain(dead.id);
    await replay(tenant.id, hook.id, 'not-a-uuid').expect(404);
  });
});
