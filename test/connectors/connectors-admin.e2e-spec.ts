import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('connectors admin API', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  const admin = { type: 'bearer' as const };
  const base = (tenantId: string) => `/admin/v1/tenants/${tenantId}/connectors`;
  const token = 'scim_store-token-0123456789abcdef';
  const valid = { type: 'scim', baseUrl: 'http://127.0.0.1:9/scim/v2/', token, description: 'staging directory' };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    tenant = await createTenant(t);
    other = await createTenant(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates a SCIM connector (201) and never returns its token', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String), type: 'scim', baseUrl: 'http://127.0.0.1:9/scim/v2', description: 'staging directory', enabled: true,
      sync: { lastSuccessAt: null, lastFailureAt: null, lastError: null, pending: 0, retrying: 0, dead: 0, succeeded: 0, oldestPendingAt: null, mapped: { users: 0, groups: 0 } },
      createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    const fetched = await t.http.get(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin).expect(200);
    const listed = await t.http.get(base(tenant.id)).auth(t.adminToken, admin).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const patched = await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin).send({ token: `${token}-rotated` }).expect(200);
    for (const body of [created.body, fetched.body, listed.body, patched.body]) expect(JSON.stringify(body)).not.toContain('store-token');
  });

  it('stores the token encrypted and keeps it out of the audit log', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    await t.http.patch(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin).send({ token: `${token}-rotated`, description: 'renamed' }).expect(200);
    const [row] = await t.dataSource.query(`SELECT token_sealed FROM connectors WHERE id = $1`, [created.body.id]);
    expect(row.token_sealed.includes(Buffer.from(token))).toBe(false);
    const audit = await t.dataSource.query(`SELECT * FROM audit_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY occurred_at`, [tenant.id, created.body.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['connector.created', 'connector.updated']);
    expect(audit[1].summary).toBe('token replaced');
    expect(JSON.stringify(audit)).not.toContain('store-token');
  });

  it.each([
    ['no type', { baseUrl: valid.baseUrl, token }],
    ['an unknown type', { ...valid, type: 'ftp' }],
    ['ldap fields on a scim connector', { ...valid, usersDn: 'ou=people,dc=example,dc=org' }],
    ['no token', { type: 'scim', baseUrl: valid.baseUrl }],
    ['an empty token', { ...valid, token: '' }],
    ['a token with a line break', { ...valid, token: 'abc\r\nX-Injected: 1' }],
    ['a token with a space', { ...valid, token: 'Bearer abc' }],
    ['a non-string token', { ...valid, token: 42 }],
    ['no baseUrl', { type: 'scim', token }],
    ['a relative baseUrl', { ...valid, baseUrl: '/scim/v2' }],
    ['a non-http baseUrl', { ...valid, baseUrl: 'file:///etc/passwd' }],
    ['credentials in the baseUrl', { ...valid, baseUrl: 'http://u:p@127.0.0.1:9/scim' }],
    ['a query in the baseUrl', { ...valid, baseUrl: 'http://127.0.0.1:9/scim?x=1' }],
    ['a private baseUrl', { ...valid, baseUrl: 'http://10.0.0.5/scim/v2' }],
    ['a link-local baseUrl', { ...valid, baseUrl: 'http://169.254.169.254/latest' }],
    ['a non-boolean enabled', { ...valid, enabled: 'yes' }],
    ['an overlong description', { ...valid, description: 'x'.repeat(201) }],
  ])('answers 400 to %s', async (_what, body) => {
    const res = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(body).expect(400);
    expect(JSON.stringify(res.body)).not.toContain('store-token');
  });

  it('re-checks a changed baseUrl and token on PATCH', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    const one = `${base(tenant.id)}/${created.body.id}`;
    await t.http.patch(one).auth(t.adminToken, admin).send({ baseUrl: 'http://10.1.1.1/scim' }).expect(400);
    await t.http.patch(one).auth(t.adminToken, admin).send({ token: 'two words' }).expect(400);
    await t.http.patch(one).auth(t.adminToken, admin).send({ type: 'scim' }).expect(400);
    const patched = await t.http.patch(one).auth(t.adminToken, admin).send({ baseUrl: 'http://127.0.0.1:9/other/', enabled: false }).expect(200);
    expect(patched.body).toEqual(expect.objectContaining({ baseUrl: 'http://127.0.0.1:9/other', enabled: false }));
  });

  it('queues a resync (202 with a job id) that can be looked up', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    const res = await t.http.post(`${base(tenant.id)}/${created.body.id}/resync`).auth(t.adminToken, admin).expect(202);
    expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), connectorId: created.body.id, status: 'queued' }));
    const got = await t.http.get(`${base(tenant.id)}/${created.body.id}/resyncs/${res.body.id}`).auth(t.adminToken, admin).expect(200);
    expect(got.body.id).toBe(res.body.id);
    const listed = await t.http.get(`${base(tenant.id)}/${created.body.id}/resyncs`).auth(t.adminToken, admin).expect(200);
    expect(listed.body.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    await t.http.get(`${base(tenant.id)}/${created.body.id}/resyncs/not-a-uuid`).auth(t.adminToken, admin).expect(404);
  });

  it('deletes a connector; afterwards it is 404', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    await t.http.delete(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin).expect(204);
    await t.http.get(`${base(tenant.id)}/${created.body.id}`).auth(t.adminToken, admin).expect(404);
    await t.http.post(`${base(tenant.id)}/${created.body.id}/resync`).auth(t.adminToken, admin).expect(404);
  });

  it("answers 404 for another tenant's connector, an unknown tenant and a malformed id", async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    const theirs = `${base(other.id)}/${created.body.id}`;
    await t.http.get(theirs).auth(t.adminToken, admin).expect(404);
    await t.http.patch(theirs).auth(t.adminToken, admin).send({ enabled: false }).expect(404);
    await t.http.delete(theirs).auth(t.adminToken, admin).expect(404);
    await t.http.post(`${theirs}/resync`).auth(t.adminToken, admin).expect(404);
    await t.http.get(`${theirs}/resyncs`).auth(t.adminToken, admin).expect(404);
    await t.http.get(`${base(tenant.id)}/not-a-uuid`).auth(t.adminToken, admin).expect(404);
    await t.http.post(base('00000000-0000-4000-8000-000000000000')).auth(t.adminToken, admin).send(valid).expect(404);
    expect((await t.http.get(base(other.id)).auth(t.adminToken, admin).expect(200)).body).toEqual([]);
  });

  it('is documented in the Swagger sandbox with the admin token and the request bodies', async () => {
    const doc = (await t.http.get('/api/doc/scim_rest-json').expect(200)).body;
    const list = doc.paths['/admin/v1/tenants/{tenantId}/connectors'];
    const one = doc.paths['/admin/v1/tenants/{tenantId}/connectors/{connectorId}'];
    expect(Object.keys(list)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(one)).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.paths['/admin/v1/tenants/{tenantId}/connectors/{connectorId}/resync'].post.responses['202']).toBeDefined();
    expect(list.post.security).toEqual([{ 'admin-token': [] }]);
    expect(list.post.tags).toEqual(['Admin: connectors']);
    expect(Object.keys(doc.components.schemas.CreateConnectorDto.properties).sort()).toEqual([
      'type', 'baseUrl', 'token', 'description', 'enabled',
      'url', 'bindDn', 'bindPassword', 'usersDn', 'groupsDn', 'preset', 'mapping', 'startTls', 'caCertificate', 'deactivation',
    ].sort());
    expect(doc.components.schemas.ConnectorResponseDto.properties.token).toBeUndefined();
    expect(Object.keys(doc.components.schemas.LdapSettingsResponseDto.properties)).not.toContain('bindPassword');
  });

  it('shows the sync and resync queues on the ops dashboard', async () => {
    const res = await t.http.get('/admin/queues/api/queues').auth(t.adminToken, admin).expect(200);
    const names = (res.body.queues as { name: string }[]).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['connector-syncs', 'connector-resyncs']));
  });

  it('requires the admin token', async () => {
    await t.http.get(base(tenant.id)).expect(401);
    await t.http.post(base(tenant.id)).auth(tenant.token, admin).send(valid).expect(401);
  });
});
