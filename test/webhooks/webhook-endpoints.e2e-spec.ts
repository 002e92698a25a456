import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('webhook endpoints admin API', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  const admin = () => ({ type: 'bearer' as const });
  const base = (tenantId: string) => `/admin/v1/tenants/${tenantId}/webhooks`;

  beforeAll(async () => {
    t = await startTestApp({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    tenant = await createTenant(t);
    other = await createTenant(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates an endpoint and returns a generated whsec_ secret only once', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin())
      .send({ url: 'http://127.0.0.1:9/hook', description: 'HR portal' }).expect(201);
    expect(created.body).toEqual(expect.objectContaining({
      id: expect.any(String), url: 'http://127.0.0.1:9/hook', eventTypes: null, enabled: true, description: 'HR portal',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    }));
    const fetched = await t.http.get(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).expect(200);
    expect(fetched.body.secret).toBeUndefined();
    const listed = await t.http.get(base(tenant.id)).auth(t.adminToken, admin()).expect(200);
    expect(listed.body.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });

  it('stores the secret encrypted, never in clear', async () => {
    const secret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin())
      .send({ url: 'http://127.0.0.1:9/hook', secret }).expect(201);
    expect(created.body.secret).toBe(secret);
    const [row] = await t.dataSource.query(`SELECT secret_sealed FROM webhook_endpoints WHERE id = $1`, [created.body.id]);
    expect(row.secret_sealed.includes(Buffer.from(secret))).toBe(false);
    expect(row.secret_sealed.includes(Buffer.alloc(32, 7))).toBe(false);
  });

  it('rejects a malformed secret and unknown event types with 400', async () => {
    await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://127.0.0.1:9/', secret: 'hunter2' }).expect(400);
    const res = await t.http.post(base(tenant.id)).auth(t.adminToken, admin())
      .send({ url: 'http://127.0.0.1:9/', eventTypes: ['user.created', 'user.exploded'] }).expect(400);
    expect(res.body.message).toMatch(/eventTypes/);
  });

  it.each([
    'http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/', 'http://[::ffff:192.168.1.1]/',
    'http://100.64.0.1/', 'http://0.0.0.0/', 'http://127.0.0.2:9/',
  ])('refuses the non-public target %s at configuration time', async (url) => {
    const res = await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url }).expect(400);
    expect(res.body.message).toMatch(/non-public|OUTBOUND_ALLOWED_HOSTS/);
  });

  it('refuses non-http schemes and credentials in the URL', async () => {
    await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'file:///etc/passwd' }).expect(400);
    await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://a:b@127.0.0.1:9/' }).expect(400);
  });

  it('updates url, event types and enabled, re-checking the URL', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://127.0.0.1:9/a' }).expect(201);
    const patched = await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin())
      .send({ url: 'http://127.0.0.1:9/b', eventTypes: ['user.deleted'], enabled: false }).expect(200);
    expect(patched.body).toEqual(expect.objectContaining({ url: 'http://127.0.0.1:9/b', eventTypes: ['user.deleted'], enabled: false }));
    expect(patched.body.disabledReason).toBe('disabled by an administrator');
    await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).send({ url: 'http://10.1.1.1/' }).expect(400);
    const enabled = await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).send({ enabled: true }).expect(200);
    expect(enabled.body).toEqual(expect.objectContaining({ enabled: true, disabledReason: null, disabledAt: null }));
  });

  it('records endpoint changes in the audit log without the secret', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://127.0.0.1:9/audited' }).expect(201);
    await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).send({ description: 'renamed' }).expect(200);
    await t.http.delete(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).expect(204);
    const rows = await t.dataSource.query(`SELECT * FROM audit_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY occurred_at`, [tenant.id, created.body.id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.deleted']);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret.slice(6));
  });

  it('deletes an endpoint; afterwards it is 404', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://127.0.0.1:9/gone' }).expect(201);
    await t.http.delete(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).expect(204);
    await t.http.get(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin()).expect(404);
  });

  it("answers 404 for another tenant's endpoint, its deliveries and stats", async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send({ url: 'http://127.0.0.1:9/mine' }).expect(201);
    const theirs = `${base(other.id)}/${created.body.id}`;
    await t.http.get(theirs).auth(t.adminToken, admin()).expect(404);
    await t.http.patch(theirs).auth(t.adminToken, admin()).send({ enabled: false }).expect(404);
    await t.http.delete(theirs).auth(t.adminToken, admin()).expect(404);
    await t.http.get(`${theirs}/deliveries`).auth(t.adminToken, admin()).expect(404);
    await t.http.get(`${theirs}/stats`).auth(t.adminToken, admin()).expect(404);
    await t.http.get(`${base(tenant.id)}/not-a-uuid`).auth(t.adminToken, admin()).expect(404);
  });

  it('requires the admin token', async () => {
    await t.http.get(base(tenant.id)).expect(401);
    await t.http.get(base(tenant.id)).auth(tenant.token, admin()).expect(401);
  });

  it('answers bad input with a clear 400, never a 500', async () => {
    const post = (body: unknown) => t.http.post(base(tenant.id)).auth(t.adminToken, admin()).send(body as object);
    await post({}).expect(400);
    await post({ url: 'not a url' }).expect(400);
    await post({ url: 'http://127.0.0.1:9/', eventTypes: [] }).expect(400);
    await post({ url: 'http://127.0.0.1:9/', eventTypes: 'user.created' }).expect(400);
    await post({ url: 'http://127.0.0.1:9/', description: 'x'.repeat(201) }).expect(400);
    await post({ url: 'http://127.0.0.1:9/', enabled: 'yes' }).expect(400);
    await post({ url: `http://127.0.0.1:9/${'a'.repeat(2100)}` }).expect(400);
    await post({ url: 'http://127.0.0.1:9/', secret: 'whsec_' + Buffer.alloc(8).toString('base64') }).expect(400);
    await t.http.post(base(tenant.id)).auth(t.adminToken, admin()).set('Content-Type', 'application/json').send('{"url": ').expect(400);

    const created = await post({ url: 'http://127.0.0.1:9/inputs' }).expect(201);
    const one = `${base(tenant.id)}/${created.body.id}`;
    // The secret cannot be changed after creation: rotate by creating a new endpoint.
    await t.http.patch(one).auth(t.adminToken, admin()).send({ secret: 'whsec_' + Buffer.alloc(32, 1).toString('base64') }).expect(400);
    await t.http.patch(one).auth(t.adminToken, admin()).send({ eventTypes: ['user.exploded'] }).expect(400);
    await t.http.get(`${one}/deliveries`).query({ status: 'bogus' }).auth(t.adminToken, admin()).expect(400);
    await t.http.get(`${one}/deliveries`).query({ cursor: 'not-a-cursor' }).auth(t.adminToken, admin()).expect(400);
    await t.http.get(`${one}/deliveries`).query({ limit: 0 }).auth(t.adminToken, admin()).expect(400);
    await t.http.get(`${one}/deliveries`).query({ limit: 201 }).auth(t.adminToken, admin()).expect(400);
    await t.http.get(`${one}/deliveries/not-a-uuid`).auth(t.adminToken, admin()).expect(404);
    await t.http.get(`${one}/deliveries/00000000-0000-4000-8000-000000000000`).auth(t.adminToken, admin()).expect(404);
    await t.http.post(`${one}/deliveries/00000000-0000-4000-8000-000000000000/replay`).auth(t.adminToken, admin()).expect(404);
    const empty = await t.http.get(`${one}/deliveries`).auth(t.adminToken, admin()).expect(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null });
  });
});
