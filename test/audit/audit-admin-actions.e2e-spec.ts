import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, storedEvents } from './audit-test-helpers';

describe('audit events for admin actions', () => {
  let t: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    // Webhook targets on loopback are allowed here; log lines are kept to see the tenant deletion record.
    t = await startTestApp({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', LOG_LEVEL: 'info' }, { write: (line: string) => void logLines.push(line) });
  });
  afterAll(() => t.close());

  const events = async (tenantId: string, query: Record<string, string> = {}) =>
    (await t.http.get(`/admin/v1/tenants/${tenantId}/audit-events`).query(query).set(admin(t)).expect(200)).body;

  it('records tenant creation and a settings change with its diff, actor admin', async () => {
    const tenant = await createTenant(t);
    await t.http.patch(`/admin/v1/tenants/${tenant.id}`).set(admin(t)).send({ settings: { audit: { retentionDays: 90 } } }).expect(200);
    const page = await events(tenant.id, { resourceType: 'Tenant' });
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['tenant.updated', 'tenant.created']);
    const [updated, created] = page.items;
    expect(updated.changes).toEqual([{ path: 'settings.audit.retentionDays', op: 'replace', before: 365, after: 90 }]);
    expect(updated.actor).toEqual({ type: 'admin' });
    expect(updated.requestId).toBeTruthy();
    expect(created).toMatchObject({ resourceId: tenant.id, resourceName: tenant.name, outcome: 'success', sequence: 1 });
  });

  it('records a rename and a suspension as one tenant.updated each, under the new name', async () => {
    const tenant = await createTenant(t);
    const renamed = `${tenant.name}-eu`;
    await t.http.patch(`/admin/v1/tenants/${tenant.id}`).set(admin(t)).send({ name: renamed }).expect(200);
    await t.http.patch(`/admin/v1/tenants/${tenant.id}`).set(admin(t)).send({ status: 'suspended' }).expect(200);
    const [suspended, rename] = (await events(tenant.id, { action: 'tenant.updated' })).items;
    expect(rename).toMatchObject({ resourceName: renamed, changes: [{ path: 'name', op: 'replace', before: tenant.name, after: renamed }] });
    expect(suspended).toMatchObject({ resourceName: renamed, changes: [{ path: 'status', op: 'replace', before: 'active', after: 'suspended' }] });
  });

  it('records a tenant deletion in the application log, since the tenant\'s audit log goes with it', async () => {
    const tenant = await createTenant(t);
    const res = await t.http.delete(`/admin/v1/tenants/${tenant.id}`).set(admin(t)).set('X-Request-Id', 'req-delete-tenant').expect(204);
    expect(res.headers['x-request-id']).toBe('req-delete-tenant');
    const deletion = logLines.map((line) => JSON.parse(line)).find((entry) => entry.action === 'tenant.deleted' && entry.tenantId === tenant.id);
    expect(deletion).toMatchObject({ msg: 'audit: tenant.deleted', tenantName: tenant.name, actor: { type: 'admin' }, requestId: 'req-delete-tenant' });
    expect(await storedEvents(t, tenant.id)).toEqual([]);
  });

  it('records webhook endpoint create, update and delete with a diff and never the signing secret', async () => {
    const tenant = await createTenant(t);
    const base = `/admin/v1/tenants/${tenant.id}/webhooks`;
    const created = (await t.http.post(base).set(admin(t)).send({ url: 'http://127.0.0.1:9/a', description: 'HR' }).expect(201)).body;
    await t.http.patch(`${base}/${created.id}`).set(admin(t)).send({ url: 'http://127.0.0.1:9/b' }).expect(200);
    await t.http.delete(`${base}/${created.id}`).set(admin(t)).expect(204);
    const page = await events(tenant.id, { resourceId: created.id });
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['webhook.deleted', 'webhook.updated', 'webhook.created']);
    expect(page.items.every((e: { actor: object; resourceType: string }) => e.resourceType === 'Webhook' && JSON.stringify(e.actor) === '{"type":"admin"}')).toBe(true);
    expect(page.items[1].changes).toContainEqual({ path: 'url', op: 'replace', before: 'http://127.0.0.1:9/a', after: 'http://127.0.0.1:9/b' });
    expect(JSON.stringify(page)).not.toContain(created.secret.slice('whsec_'.length));
  });

  it('records connector create, token rotation, resync request and delete, never the store token', async () => {
    const tenant = await createTenant(t);
    const base = `/admin/v1/tenants/${tenant.id}/connectors`;
    const [token, rotated] = ['store-token-Aa1-first-0123456789', 'store-token-Bb2-second-0123456789'];
    const created = (await t.http.post(base).set(admin(t)).send({ type: 'scim', baseUrl: 'http://127.0.0.1:9/scim/v2', token }).expect(201)).body;
    await t.http.patch(`${base}/${created.id}`).set(admin(t)).send({ token: rotated, description: 'HR store' }).expect(200);
    await t.http.post(`${base}/${created.id}/resync`).set(admin(t)).expect(202);
    await t.http.delete(`${base}/${created.id}`).set(admin(t)).expect(204);
    const page = await events(tenant.id, { resourceId: created.id });
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['connector.deleted', 'connector.resync_requested', 'connector.updated', 'connector.created']);
    expect(page.items[2]).toMatchObject({ summary: 'token replaced', changes: expect.arrayContaining([{ path: 'description', op: 'add', after: 'HR store' }]) });
    expect(JSON.stringify(page)).not.toContain(token);
    expect(JSON.stringify(page)).not.toContain(rotated);
  });

  it('records token creation and revocation without the secret, and nothing for a repeated revoke', async () => {
    const tenant = await createTenant(t);
    await t.http.delete(`/admin/v1/tenants/${tenant.id}/tokens/${tenant.tokenId}`).set(admin(t)).expect(204);
    await t.http.delete(`/admin/v1/tenants/${tenant.id}/tokens/${tenant.tokenId}`).set(admin(t)).expect(204);
    const page = await events(tenant.id, { resourceId: tenant.tokenId });
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['token.revoked', 'token.created']);
    expect(page.items[1].resourceName).toBe(tenant.token.slice(0, page.items[1].resourceName.length));
    expect(JSON.stringify(page)).not.toContain(tenant.token);
  });

  it('records the OAuth client lifecycle without secrets', async () => {
    const tenant = await createTenant(t);
    const created = await t.http.post(`/admin/v1/tenants/${tenant.id}/oauth-clients`).set(admin(t)).send({}).expect(201);
    const base = `/admin/v1/tenants/${tenant.id}/oauth-clients/${created.body.clientId}`;
    const rotated = await t.http.post(`${base}/secrets`).set(admin(t)).expect(201);
    await t.http.delete(`${base}/secrets/${rotated.body.secretId}`).set(admin(t)).expect(204);
    await t.http.delete(base).set(admin(t)).expect(204);
    const page = await events(tenant.id, { resourceType: 'OAuthClient' });
    expect(page.items.map((e: { action: string }) => e.action)).toEqual([
      'oauth_client.revoked', 'oauth_client.secret_revoked', 'oauth_client.secret_added', 'oauth_client.created',
    ]);
    expect(page.items[2].changes).toEqual(expect.arrayContaining([{ path: 'clientSecretId', op: 'add', after: rotated.body.secretId }]));
    expect(JSON.stringify(page)).not.toContain(created.body.clientSecret);
    expect(JSON.stringify(page)).not.toContain(rotated.body.clientSecret);
  });

  it("never shows one tenant's events to another (404)", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const [eventOfA] = (await events(a.id)).items;
    await t.http.get(`/admin/v1/tenants/${a.id}/audit-events/${eventOfA.id}`).set(admin(t)).expect(200);
    await t.http.get(`/admin/v1/tenants/${b.id}/audit-events/${eventOfA.id}`).set(admin(t)).expect(404);
    expect((await events(b.id)).items.every((e: { tenantId: string }) => e.tenantId === b.id)).toBe(true);
    await t.http.get(`/admin/v1/tenants/00000000-0000-4000-8000-000000000000/audit-events`).set(admin(t)).expect(404);
    await t.http.get(`/admin/v1/tenants/${a.id}/audit-events/not-a-uuid`).set(admin(t)).expect(404);
  });

  it('requires the admin token and validates filters', async () => {
    const tenant = await createTenant(t);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).expect(401);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ limit: '0' }).set(admin(t)).expect(400);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ from: 'yesterday' }).set(admin(t)).expect(400);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ cursor: 'abc' }).set(admin(t)).expect(400);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ outcome: 'maybe' }).set(admin(t)).expect(400);
  });

  it('filters by time range, actor and outcome', async () => {
    const tenant = await createTenant(t);
    const all = (await events(tenant.id)).items;
    const oldest = all[all.length - 1];
    const inRange = await events(tenant.id, { from: oldest.occurredAt, to: new Date(Date.parse(oldest.occurredAt) + 1).toISOString() });
    expect(inRange.items.map((e: { id: string }) => e.id)).toContain(oldest.id);
    const future = await events(tenant.id, { from: new Date(Date.now() + 60_000).toISOString() });
    expect(future.items).toEqual([]);
    expect((await events(tenant.id, { outcome: 'failure' })).items).toEqual([]);
    expect((await events(tenant.id, { actor: 'no-such-token' })).items).toEqual([]);
  });
});
