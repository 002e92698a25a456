import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { userEvent, writeEvent } from './support/write-events';

/** Every queue of the QueueRegistry: the stats and the dashboard show them all. */
const ALL_QUEUES = ['audit-retention', 'connector-resyncs', 'connector-syncs', 'events-maintenance', 'webhook-deliveries'];

// No worker runs here, so written events stay pending: what operators see when the relay is not running.
describe('operations: queue stats, oldest pending event, relay lag on readiness, queue dashboard', () => {
  let t: TestApp;
  let tenant: TestTenant;
  const admin = { type: 'bearer' as const };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reports the outbox backlog with the oldest pending event and the depth of every queue', async () => {
    const first = randomUUID();
    await writeEvent(t.dataSource, userEvent(tenant.id, first, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, randomUUID(), 'user.created', 0));
    const [oldest] = await t.dataSource.query(`SELECT id FROM outbox_events WHERE resource_id = $1`, [first]);

    const res = await t.http.get('/admin/v1/events/stats').auth(t.adminToken, admin).expect(200);
    expect(res.body.outbox).toEqual(expect.objectContaining({ undispatched: 2, unpublished: 2, oldestUnpublishedAgeSeconds: expect.any(Number) }));
    expect(res.body.outbox.oldestPending).toEqual({
      id: oldest.id, tenantId: tenant.id, type: 'user.created', sequence: null, occurredAt: expect.any(String), queued: false,
    });
    expect(res.body.queues.available).toBe(true);
    const names = res.body.queues.items.map((q: { name: string }) => q.name);
    expect(names).toEqual(ALL_QUEUES);
    expect(res.body.queues.totals).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 });

    const perTenant = await t.http.get(`/admin/v1/tenants/${tenant.id}/events/stats`).auth(t.adminToken, admin).expect(200);
    expect(perTenant.body.outbox).toEqual(expect.objectContaining({ undispatched: 2, oldestPending: expect.objectContaining({ id: oldest.id }) }));
    await t.http.get(`/admin/v1/tenants/${randomUUID()}/events/stats`).auth(t.adminToken, admin).expect(404);
    await t.http.get('/admin/v1/events/stats').expect(401);
  });

  it('shows the relay lag on /health/ready and turns not ready when events wait too long', async () => {
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details.events).toEqual(expect.objectContaining({
      status: 'up', relayLagSeconds: expect.any(Number), unpublished: 2, thresholdSeconds: 300,
    }));
    // As if no worker had run for ten minutes.
    await t.dataSource.query(`UPDATE outbox_events SET occurred_at = now() - interval '10 minutes' WHERE tenant_id = $1`, [tenant.id]);
    const lagging = await t.http.get('/health/ready').expect(503);
    expect(lagging.body.details.events.status).toBe('down');
    expect(lagging.body.details.events.relayLagSeconds).toBeGreaterThanOrEqual(600);
    expect(lagging.body.details.events.message).toMatch(/worker running/);
    await t.dataSource.query(`UPDATE outbox_events SET published_at = now(), dispatched_at = now() WHERE tenant_id = $1`, [tenant.id]);
    const caughtUp = await t.http.get('/health/ready').expect(200);
    expect(caughtUp.body.details.events).toEqual(expect.objectContaining({ status: 'up', relayLagSeconds: 0, unpublished: 0 }));
  });

  it('serves the queue dashboard only with the admin token (Bearer, or Basic with the token as password)', async () => {
    const denied = await t.http.get('/admin/queues').expect(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic/);
    await t.http.get('/admin/queues').auth(tenant.token, admin).expect(401);
    await t.http.get('/admin/queues').auth('ops', 'wrong').expect(401);
    const page = await t.http.get('/admin/queues').auth(t.adminToken, admin).expect(200);
    expect(page.text).toContain('<html');
    await t.http.get('/admin/queues').auth('ops', t.adminToken).expect(200);
    const api = await t.http.get('/admin/queues/api/queues').auth(t.adminToken, admin).expect(200);
    const names = api.body.queues.map((q: { name: string }) => q.name);
    expect([...names].sort()).toEqual(ALL_QUEUES);
  });
});
