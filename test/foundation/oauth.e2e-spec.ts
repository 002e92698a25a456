import { buildScimUser, createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('OAuth 2.0 client credentials (RFC 6749 §4.4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ OAUTH_ACCESS_TOKEN_TTL_SECONDS: '600' });
  });
  afterAll(() => t.close());

  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  async function newClient(tenantId: string) {
    const res = await t.http.post(`/admin/v1/tenants/${tenantId}/oauth-clients`).set(admin()).send({ description: 'Entra gallery' }).expect(201);
    return res.body as { clientId: string; clientSecret: string; expiresAt: string; secretId: string };
  }

  it('issues an access token with client_secret_basic that the SCIM bearer strategy accepts', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    const expiresInDays = (new Date(client.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(expiresInDays).toBeGreaterThan(364);
    expect(expiresInDays).toBeLessThan(1096);
    const res = await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) })
      .type('form').send({ grant_type: 'client_credentials' }).expect(200);
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^pat_/), token_type: 'Bearer', expires_in: 600 });
    expect(res.headers['cache-control']).toBe('no-store');
    const scim = await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${res.body.access_token}` });
    expect(scim.status).not.toBe(401);
  });

  it('names the OAuth client in the audit actor of changes made with its access token', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    const issued = await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) })
      .type('form').send({ grant_type: 'client_credentials' }).expect(200);
    await t.http.post('/scim/v2/Users').set({ Authorization: `Bearer ${issued.body.access_token}` })
      .send(buildScimUser()).expect(201);
    const events = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events?action=user.created`).set(admin()).expect(200);
    expect(events.body.items[0].actor).toMatchObject({ type: 'token', tokenKind: 'oauth', oauthClientId: client.clientId });
  });

  it('accepts client_secret_post and rejects a wrong secret with invalid_client', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    await t.http.post('/oauth/token').type('form')
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).expect(200);
    const wrong = await t.http.post('/oauth/token').type('form')
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'cs_wrong' }).expect(401);
    expect(wrong.body.error).toBe('invalid_client');
    const viaBasic = await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, 'cs_wrong') })
      .type('form').send({ grant_type: 'client_credentials' }).expect(401);
    expect(viaBasic.headers['www-authenticate']).toMatch(/^Basic/);
  });

  it('rejects other grant types and non-form bodies', async () => {
    const bad = await t.http.post('/oauth/token').type('form').send({ grant_type: 'password' }).expect(400);
    expect(bad.body.error).toBe('unsupported_grant_type');
    const json = await t.http.post('/oauth/token').send({ grant_type: 'client_credentials' }).expect(400);
    expect(json.body.error).toBe('invalid_request');
  });

  it('rotates secrets: old and new work together until the old is revoked', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    const rotated = await t.http.post(`/admin/v1/tenants/${tenant.id}/oauth-clients/${client.clientId}/secrets`).set(admin()).expect(201);
    const grant = (secret: string) => t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, secret) })
      .type('form').send({ grant_type: 'client_credentials' });
    expect((await grant(client.clientSecret)).status).toBe(200);
    expect((await grant(rotated.body.clientSecret)).status).toBe(200);
    await t.http.delete(`/admin/v1/tenants/${tenant.id}/oauth-clients/${client.clientId}/secrets/${client.secretId}`).set(admin()).expect(204);
    expect((await grant(client.clientSecret)).status).toBe(401);
    expect((await grant(rotated.body.clientSecret)).status).toBe(200);
    const list = await t.http.get(`/admin/v1/tenants/${tenant.id}/oauth-clients`).set(admin()).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(rotated.body.clientSecret);
    expect(list.body[0].secrets).toHaveLength(2);
  });

  it('revoking a client revokes the access tokens it was issued', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    const issued = await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) })
      .type('form').send({ grant_type: 'client_credentials' }).expect(200);
    await t.http.delete(`/admin/v1/tenants/${tenant.id}/oauth-clients/${client.clientId}`).set(admin()).expect(204);
    await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${issued.body.access_token}` }).expect(401);
    await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) })
      .type('form').send({ grant_type: 'client_credentials' }).expect(401);
  });

  it('limits token requests per client id with 429 and Retry-After, leaving other clients alone', async () => {
    const tenant = await createTenant(t);
    const [busy, other] = [await newClient(tenant.id), await newClient(tenant.id)];
    const request = (client: { clientId: string; clientSecret: string }) =>
      t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) }).type('form').send({ grant_type: 'client_credentials' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await request(busy)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const limited = await request(busy).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('Too many') });
    await request(other).expect(200);
  });

  it('expires access tokens after their lifetime', async () => {
    const tenant = await createTenant(t);
    const client = await newClient(tenant.id);
    const issued = await t.http.post('/oauth/token').set({ Authorization: basic(client.clientId, client.clientSecret) })
      .type('form').send({ grant_type: 'client_credentials' }).expect(200);
    await t.dataSource.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND kind = 'oauth'`, [tenant.id]);
    await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${issued.body.access_token}` }).expect(401);
  });
});
