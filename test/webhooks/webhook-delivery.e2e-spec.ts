import type { INestApplicationContext } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from './support/receiver';
import { createWebhook, deliveries, FAST_DELIVERY_ENV, scimCreateUser, scimPatchUser } from './support/webhook-helpers';

describe('webhook delivery', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
  const admin = { type: 'bearer' as const };

  beforeAll(async () => {
    t = await startTestApp(FAST_DELIVERY_ENV);
    worker = await startTestWorker(t.config, []);
    receiver = await new TestReceiver().start();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await receiver?.stop();
  });

  it('delivers a SCIM change as a signed event the standardwebhooks library verifies', async () => {
    const tenant = await createTenant(t);
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/signed') });
    const user = await scimCreateUser(t, tenant);
    await waitFor(() => receiver.to('/signed').length === 1, 10000, 'the delivery');
    const [req] = receiver.to('/signed');
    const event = new Webhook(hook.secret).verify(req.body, req.headers as Record<string, string>) as { id: string; data: Record<string, unknown> };
    expect(event).toEqual(expect.objectContaining({ type: 'user.created', tenantId: tenant.id, sequence: expect.any(Number) }));
    expect(event.data).toEqual(expect.objectContaining({ resourceType: 'User', id: user.id }));
    expect(req.headers['webhook-id']).toBe(event.id);
    expect(req.headers['content-type']).toBe('application/json');
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 5000, 'succeeded status');
  });

  it('retries a receiver that answers 500 three times, then delivers: four attempts logged', async () => {
    const tenant = await createTenant(t);
    receiver.on('/flaky', (n) => (n <= 3 ? { status: 500, body: `boom ${n}` } : { status: 200, body: 'ok' }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/flaky') });
    await scimCreateUser(t, tenant);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 10000, 'delivery to succeed');
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    expect(delivery.attemptCount).toBe(4);
    expect(delivery.attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'failed'], [2, 500, 'failed'], [3, 500, 'failed'], [4, 200, 'succeeded'],
    ]);
    expect(delivery.attempts[0].responseExcerpt).toBe('boom 1');
    expect(delivery.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    // Every attempt carries the same event id, so the receiver can deduplicate.
    expect(new Set(receiver.to('/flaky').map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
  });

  it('times out a receiver that never answers, retries until dead, and a replay then delivers', async () => {
    const tenant = await createTenant(t);
    let answering = false;
    receiver.on('/silent', () => (answering ? { status: 204 } : 'hang'));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/silent') });
    await scimCreateUser(t, tenant);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'dead', 15000, 'delivery to go dead');
    const [dead] = await deliveries(t, tenant.id, hook.id);
    expect(dead.attemptCount).toBeGreaterThanOrEqual(2);
    expect(dead.attempts.every((a) => a.statusCode === null && /timeout/.test(a.error ?? ''))).toBe(true);

    answering = true;
    const replay = await t.http.post(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}/deliveries/${dead.id}/replay`).auth(t.adminToken, admin).expect(202);
    expect(replay.body.status).toBe('pending');
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'succeeded', 10000, 'replayed delivery');
    const [replayed] = await deliveries(t, tenant.id, hook.id);
    expect(replayed.attemptCount).toBe(dead.attemptCount + 1);
    expect(replayed.attempts.at(-1)).toEqual(expect.objectContaining({ statusCode: 204, outcome: 'succeeded' }));
    // A delivery that is not finished cannot be replayed over itself; another tenant cannot replay it at all.
    const other = await createTenant(t);
    await t.http.post(`/admin/v1/tenants/${other.id}/webhooks/${hook.id}/deliveries/${dead.id}/replay`).auth(t.adminToken, admin).expect(404);
  });

  it('refuses at delivery time a URL that now points at a private address', async () => {
    const tenant = await createTenant(t);
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/moved') });
    // As if DNS for the configured host now answered with an internal address.
    await t.dataSource.query(`UPDATE webhook_endpoints SET url = 'http://10.255.255.1:8080/hook' WHERE id = $1`, [hook.id]);
    await scimCreateUser(t, tenant);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id))[0]?.status === 'dead', 10000, 'refused delivery');
    const [delivery] = await deliveries(t, tenant.id, hook.id);
    expect(delivery.attempts).toEqual([expect.objectContaining({ outcome: 'refused', statusCode: null, error: expect.stringMatching(/non-public/) })]);
  });

  it('keeps per-resource order: a later change waits while an earlier one is retried', async () => {
    const tenant = await createTenant(t);
    receiver.on('/ordered', (n) => (n <= 2 ? { status: 503, headers: { 'retry-after': '0' } } : { status: 200 }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/ordered') });
    const user = await scimCreateUser(t, tenant);
    for (const title of ['one', 'two', 'three']) await scimPatchUser(t, tenant, user.id, [{ op: 'replace', path: 'title', value: title }]);
    await waitFor(async () => (await deliveries(t, tenant.id, hook.id)).filter((d) => d.status === 'succeeded').length === 4, 15000, 'four deliveries');
    const delivered = receiver.to('/ordered').filter((_, i) => i >= 2).map((r) => JSON.parse(r.body));
    expect(delivered.map((e) => e.type)).toEqual(['user.created', 'user.updated', 'user.updated', 'user.updated']);
    expect(delivered.map((e) => e.data.resource?.title ?? null)).toEqual([null, 'one', 'two', 'three']);
    const sequences = delivered.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('sends only the subscribed event types', async () => {
    const tenant = await createTenant(t);
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/deletes-only'), eventTypes: ['user.deleted'] });
    const user = await scimCreateUser(t, tenant);
    await t.http.delete(`/scim/v2/Users/${user.id}`).auth(tenant.token, admin).expect(204);
    await waitFor(() => receiver.to('/deletes-only').length === 1, 10000, 'the delete event');
    expect(JSON.parse(receiver.to('/deletes-only')[0].body).type).toBe('user.deleted');
    expect((await deliveries(t, tenant.id, hook.id)).map((d) => d.eventType)).toEqual(['user.deleted']);
  });

  it('disables an endpoint after consecutive dead deliveries and reports it', async () => {
    const tenant: TestTenant = await createTenant(t);
    receiver.on('/gone', () => ({ status: 410, body: 'no such hook' }));
    const hook = await createWebhook(t, tenant.id, { url: receiver.url('/gone') });
    await scimCreateUser(t, tenant);
    await scimCreateUser(t, tenant);
    await waitFor(async () => {
      const res = await t.http.get(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}`).auth(t.adminToken, admin);
      return res.body.enabled === false;
    }, 10000, 'the endpoint to be disabled');
    const endpoint = (await t.http.get(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}`).auth(t.adminToken, admin)).body;
    expect(endpoint.disabledReason).toBe('2 consecutive deliveries dead');
    const audit = await t.dataSource.query(`SELECT action, actor FROM audit_events WHERE tenant_id = $1 AND action = 'webhook.disabled'`, [tenant.id]);
    expect(audit).toHaveLength(1);
    const stats = (await t.http.get(`/admin/v1/tenants/${tenant.id}/webhooks/${hook.id}/stats`).auth(t.adminToken, admin).expect(200)).body;
    expect(stats).toEqual(expect.objectContaining({ enabled: false, consecutiveDead: 2, deliveries: { pending: 0, failed: 0, succeeded: 0, dead: 2 } }));
    expect(stats.last24h).toEqual(expect.objectContaining({ attempts: 2, succeeded: 0, failed: 2 }));
    // While disabled, new events create no deliveries.
    await scimCreateUser(t, tenant);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await deliveries(t, tenant.id, hook.id)).toHaveLength(2);
  });
});
