import { startTestApp, TestApp } from '../support/test-app';

describe('platform: health, sandbox, bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SCIM_MAX_BODY_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('reports liveness and readiness with database and redis', async () => {
    await t.http.get('/health/live').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('reports Redis down on readiness while still serving requests', async () => {
    const down = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const ready = await down.http.get('/health/ready').expect(503);
      expect(ready.body.details.redis.status).toBe('down');
      await down.http.get('/health/live').expect(200);
      await down.http.get('/admin/v1/tenants').set({ Authorization: `Bearer ${down.adminToken}` }).expect(200);
    } finally {
      await down.close();
    }
  });

  it('serves the Swagger sandbox and its OpenAPI document with both bearer schemes', async () => {
    const ui = await t.http.get('/api/doc/scim_rest').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await t.http.get('/api/doc/scim_rest-json').expect(200);
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(expect.arrayContaining(['scim-token', 'admin-token']));
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/admin/v1/tenants', '/oauth/token']));
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const kept = await t.http.get('/health/live').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http.get('/health/live').set('X-Request-Id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON on SCIM routes with 400 invalidSyntax', async () => {
    const res = await t.http.post('/scim/v2/Users').set('Content-Type', 'application/scim+json').send('{"userName":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect(res.headers['content-type']).toMatch(/application\/scim\+json/);
  });

  it('answers a non-JSON SCIM body with 415 and an oversized one with 413', async () => {
    const text = await t.http.post('/scim/v2/Users').set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
    expect(text.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    const big = await t.http.post('/scim/v2/Users').set('Content-Type', 'application/json').send({ userName: 'x'.repeat(4096) });
    expect(big.status).toBe(413);
    expect(big.body.status).toBe('413');
  });

  it('answers unknown routes with 404 in the surface’s own error shape', async () => {
    const admin = await t.http.get('/admin/v1/nothing-here').expect(404);
    expect(admin.body).toMatchObject({ statusCode: 404 });
    const scim = await t.http.get('/scim/v2/NothingHere').expect(404);
    expect(scim.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404' });
  });

  it('answers malformed JSON on admin routes with a JSON 400 and never a stack', async () => {
    const res = await t.http.post('/admin/v1/tenants').set({ Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' }).send('{"name":');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
  });
});
