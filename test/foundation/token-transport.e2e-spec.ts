import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_SCHEMA, USER_SCHEMA } from '../scim/scim-test-client';

describe('bearer tokens only from the Authorization header, and never in a log line', () => {
  let t: TestApp;
  let tenant: TestTenant;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { write: (line: string) => void lines.push(line) });
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it('refuses a SCIM token in the query string or the body with 401 and WWW-Authenticate (RFC 6750 §2.1 only)', async () => {
    const query = await t.http.get(`/scim/v2/Users?access_token=${tenant.token}`).expect(401);
    expect(query.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401', detail: expect.stringContaining('Authorization header') });
    expect(query.headers['www-authenticate']).toMatch(/^Bearer /);
    await t.http.get(`/scim/v2/Users?access_token=${tenant.token}`).set({ Authorization: `Bearer ${tenant.token}` }).expect(401);
    await t.http.post('/scim/v2/Users').set('Content-Type', 'application/scim+json')
      .send(JSON.stringify({ schemas: [USER_SCHEMA], userName: 'body.token@example.com', access_token: tenant.token })).expect(401);
    await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}` }).expect(200);
  });

  it('authenticates each app on its own strategy although another app in the process registered the same name', async () => {
    const second = await startTestApp();
    try {
      const secondTenant = await createTenant(second);
      // Each app knows only its own tokens: neither sees the other's database.
      await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}` }).expect(200);
      await second.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${secondTenant.token}` }).expect(200);
      await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${secondTenant.token}` }).expect(401);
      await second.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}` }).expect(401);
    } finally {
      await second.close();
    }
  });

  it('logs no SCIM or admin token put in a URL, in the query or the path', async () => {
    await t.http.get(`/scim/v2/Users?access_token=${tenant.token}&filter=userName%20eq%20%22x%22`).set('X-Request-Id', 'req-url-token');
    await t.http.get(`/admin/v1/tenants?access_token=${encodeURIComponent(t.adminToken)}`).expect(401);
    await t.http.get(`/admin/v1/tenants?token=${encodeURIComponent(t.adminToken)}`).expect(401);
    await t.http.get(`/admin/v1/${encodeURIComponent(t.adminToken)}`).expect(404);
    await t.http.get(`/scim/v2/Users/${tenant.token}`).expect(401);
    const log = lines.join('');
    for (const secret of [tenant.token, t.adminToken, encodeURIComponent(t.adminToken)]) expect(log).not.toContain(secret);
    const line = lines.map((l) => JSON.parse(l)).find((entry) => entry.requestId === 'req-url-token' && entry.req);
    expect(line.req.url).toBe('/scim/v2/Users?access_token=[redacted]&filter=userName%20eq%20%22x%22');
  });
});
