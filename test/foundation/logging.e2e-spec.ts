import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('structured logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { write: (line: string) => void lines.push(line) });
  });
  afterAll(() => t.close());

  it('writes JSON lines with a request id and never a token, secret or password', async () => {
    const tenant = await createTenant(t);
    await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}`, 'X-Request-Id': 'req-log-1' });
    await t.http.post('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}` })
      .send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'log.user@example.com', password: 'Sup3r-secret-pw!' });
    const client = await t.http.post(`/admin/v1/tenants/${tenant.id}/oauth-clients`).set({ Authorization: `Bearer ${t.adminToken}` }).send({});
    await t.http.post('/oauth/token').type('form')
      .send({ grant_type: 'client_credentials', client_id: client.body.clientId, client_secret: client.body.clientSecret });

    const log = lines.join('');
    const parsed = lines.map((line) => JSON.parse(line));
    const requestLine = parsed.find((entry) => entry.requestId === 'req-log-1');
    expect(requestLine).toMatchObject({ req: { method: 'GET' }, res: { statusCode: expect.any(Number) } });
    for (const secret of [tenant.token, t.adminToken, 'Sup3r-secret-pw!', client.body.clientSecret]) {
      expect(log).not.toContain(secret);
    }
    expect(log.toLowerCase()).not.toContain('authorization');
    expect(parsed.every((entry) => entry.msg !== undefined)).toBe(true);
  });

  it('answers an unexpected failure with an error id that the log line carries, and no stack', async () => {
    const tenant = await createTenant(t);
    // Break the database under the API: the bearer lookup now fails in a way no client input can cause.
    await t.dataSource.query('ALTER TABLE api_tokens RENAME TO api_tokens_gone');
    try {
      const res = await t.http.get('/scim/v2/Users').set({ Authorization: `Bearer ${tenant.token}` }).expect(500);
      const errorId = res.body.detail.match(/error id ([0-9a-f-]{36})/)?.[1];
      expect(errorId).toBeDefined();
      expect(res.body.detail).not.toMatch(/api_tokens|\.ts:|\.js:/);
      expect(lines.some((line) => line.includes(errorId) && JSON.parse(line).level >= 50)).toBe(true);
    } finally {
      await t.dataSource.query('ALTER TABLE api_tokens_gone RENAME TO api_tokens');
    }
  });
});
