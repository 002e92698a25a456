import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { scim } from '../scim/scim-test-client';
import { buildScimUser, createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, FAST_DELIVERY_ENV, scimCreateUser } from '../webhooks/support/webhook-helpers';

/** The admin endpoints the console's pages read: directory, counts, last IdP request, deliveries across webhooks. */
describe('admin API for the console', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
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

  const get = (path: string, query: Record<string, string | number> = {}) => t.http.get(path).query(query).auth(t.adminToken, { type: 'bearer' });

  it('searches users by plain text and SCIM filter, pages them by cursor, and 404s another tenant’s user', async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    for (const name of ['ann', 'anna', 'bob', 'annette']) await scimCreateUser(t, tenant, { userName: `${name}@example.com`, active: name !== 'annette' });
    const base = `/admin/v1/tenants/${tenant.id}/users`;

    const first = (await get(base, { search: 'ann', count: 2 }).expect(200)).body;
    expect(first.totalResults).toBe(3);
    expect(first.Resources).toHaveLength(2);
    const second = (await get(base, { search: 'ann', count: 2, cursor: first.nextCursor }).expect(200)).body;
    const names = [...first.Resources, ...second.Resources].map((u: { userName: string }) => u.userName).sort();
    expect(names).toEqual(['ann@example.com', 'anna@example.com', 'annette@example.com']);
    expect(second.nextCursor).toBeUndefined();

    const inactive = (await get(base, { search: 'ann', filter: 'active eq false' }).expect(200)).body;
    expect(inactive.Resources.map((u: { userName: string }) => u.userName)).toEqual(['annette@example.com']);

    const bad = await get(base, { filter: 'userName zz "x"' }).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, scimType: 'invalidFilter' });

    const ann = first.Resources[0];
    const detail = (await get(`${base}/${ann.id}`).expect(200)).body;
    expect(detail).toMatchObject({ id: ann.id, userName: ann.userName, name: { givenName: 'Barbara' } });
    await get(`/admin/v1/tenants/${other.id}/users/${ann.id}`).expect(404);
    expect((await get(`/admin/v1/tenants/${tenant.id}/directory-summary`).expect(200)).body).toEqual({ users: 4, groups: 0 });
  });

  it('pages a group’s members by member id and lists the group without them', async () => {
    const tenant = await createTenant(t);
    const client = scim(t, tenant);
    const users = [];
    for (let i = 0; i < 5; i++) users.push((await client.post('/Users', buildScimUser()).expect(201)).body);
    const group = (await client.post('/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales EU', members: users.map((u) => ({ value: u.id })),
    }).expect(201)).body;

    const listed = (await get(`/admin/v1/tenants/${tenant.id}/groups`, { search: 'sales' }).expect(200)).body;
    expect(listed.Resources).toEqual([expect.objectContaining({ id: group.id, displayName: 'Sales EU' })]);
    expect(listed.Resources[0].members).toBeUndefined();

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await get(`/admin/v1/tenants/${tenant.id}/groups/${group.id}/members`, { count: 2, ...(cursor ? { cursor } : {}) }).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m: { value: string; type: string; display: string }) => m.value));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(users.map((u) => u.id).sort());
    const user = (await get(`/admin/v1/tenants/${tenant.id}/users/${users[0].id}`).expect(200)).body;
    expect(user.groups).toEqual([expect.objectContaining({ value: group.id, display: 'Sales EU' })]);
    await get(`/admin/v1/tenants/${tenant.id}/groups/${group.id}/members`, { cursor: 'nope' }).expect(400);
    const other = await createTenant(t);
    await get(`/admin/v1/tenants/${other.id}/groups/${group.id}/members`).expect(404);
  });

  it('shows the last request from the IdP with its outcome, without the query string', async () => {
    const tenant = await createTenant(t);
    const activity = () => get(`/admin/v1/tenants/${tenant.id}/scim-activity`).expect(200).then((res) => res.body);
    expect(await activity()).toEqual({ lastRequest: null });
    await scim(t, tenant).get('/Users?filter=userName%20eq%20%22secret%40example.com%22').set('User-Agent', 'Azure AD SCIM Client').expect(200);
    await waitFor(async () => (await activity()).lastRequest !== null, 5000, 'the recorded request');
    expect((await activity()).lastRequest).toMatchObject({
      method: 'GET', path: '/scim/v2/Users', status: 200, outcome: 'success', userAgent: 'Azure AD SCIM Client',
      tokenPrefix: tenant.token.slice(0, 13),
    });
    // A different status is written at once, so a first failure after a success shows.
    await scim(t, tenant).get('/Users/00000000-0000-4000-8000-000000000000').expect(404);
    await waitFor(async () => (await activity()).lastRequest.status === 404, 5000, 'the failed request');
    expect((await activity()).lastRequest.outcome).toBe('failure');
    await get(`/admin/v1/tenants/00000000-0000-4000-8000-000000000000/scim-activity`).expect(404);
  });

  it('lists deliveries across all of a tenant’s webhooks, newest first, with the receiver’s answer', async () => {
    const tenant = await createTenant(t);
    receiver.on('/refuses', () => ({ status: 410, body: 'gone for good' }));
    const ok = await createWebhook(t, tenant.id, { url: receiver.url('/accepts') });
    const refusing = await createWebhook(t, tenant.id, { url: receiver.url('/refuses') });
    await scimCreateUser(t, tenant);
    const path = `/admin/v1/tenants/${tenant.id}/webhook-deliveries`;
    await waitFor(async () => {
      const items = (await get(path).expect(200)).body.items as { status: string }[];
      return items.length === 2 && items.every((d) => d.status !== 'pending');
    }, 15000, 'both deliveries settled');
    const { items } = (await get(path).expect(200)).body;
    expect(new Set(items.map((d: { webhookId: string }) => d.webhookId))).toEqual(new Set([ok.id, refusing.id]));
    const refused = items.find((d: { webhookId: string }) => d.webhookId === refusing.id);
    expect(refused.attempts[0]).toMatchObject({ statusCode: 410, responseExcerpt: 'gone for good' });
    const page = (await get(path, { limit: 1 }).expect(200)).body;
    const older = (await get(path, { limit: 1, cursor: page.nextCursor }).expect(200)).body;
    expect([page.items[0].id, older.items[0].id]).toEqual(items.map((d: { id: string }) => d.id));
    expect((await get(path, { status: 'succeeded' }).expect(200)).body.items.map((d: { webhookId: string }) => d.webhookId)).toEqual([ok.id]);
    const other = await createTenant(t);
    expect((await get(`/admin/v1/tenants/${other.id}/webhook-deliveries`).expect(200)).body.items).toEqual([]);
  });
});
