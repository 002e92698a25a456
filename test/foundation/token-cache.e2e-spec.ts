import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app';
import { createTenant, TestTenant } from '../support/factories';
import { countQueries } from '../support/query-counter';
import { startTestApp, TestApp } from '../support/test-app';

const CACHE_SECONDS = 1;
/** Request and scheduling time on a busy 2-core machine on top of the stated bound. */
const SLACK_MS = 750;

/**
 * SCIM_TOKEN_CACHE_SECONDS bounds how long an API process keeps serving a token after it was revoked or its
 * tenant suspended. Two API processes ("replicas") share one database: the one that makes the change forgets at
 * once, the other within the bound.
 */
describe('SCIM token cache across API replicas', () => {
  let a: TestApp;
  let b: INestApplication;
  let replicaB: ReturnType<typeof request>;
  beforeAll(async () => {
    a = await startTestApp({ SCIM_TOKEN_CACHE_SECONDS: String(CACHE_SECONDS) });
    b = await createApiApp(a.config);
    await b.init();
    replicaB = request(b.getHttpServer());
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const users = (http: ReturnType<typeof request>, tenant: TestTenant) => http.get('/scim/v2/Users?count=1').auth(tenant.token, { type: 'bearer' });
  const adminPatch = (path: string, body: object) => a.http.patch(path).auth(a.adminToken, { type: 'bearer' }).send(body);
  const adminDelete = (path: string) => a.http.delete(path).auth(a.adminToken, { type: 'bearer' });

  /** Milliseconds until replica B answers `status`, polling every 25 ms; fails after twice the bound. */
  async function msUntilB(tenant: TestTenant, status: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      const res = await users(replicaB, tenant);
      if (res.status === status) return Date.now() - started;
      expect(res.status).toBe(200);
      if (Date.now() - started > 2 * (CACHE_SECONDS * 1000 + SLACK_MS)) throw new Error(`replica B still answers ${res.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('looks a token up at most once per bound, not on every request', async () => {
    const tenant = await createTenant(a);
    await users(replicaB, tenant).expect(200);
    const counter = countQueries();
    try {
      const started = Date.now();
      for (let i = 0; i < 10; i++) await users(replicaB, tenant).expect(200);
      const bounds = Math.ceil((Date.now() - started) / (CACHE_SECONDS * 1000));
      expect(counter.statements.filter((sql) => sql.includes('FROM api_tokens')).length).toBeLessThanOrEqual(bounds);
    } finally {
      counter.stop();
    }
  });

  it('refuses a revoked token at once on the replica that revoked it and within the bound on the other', async () => {
    const tenant = await createTenant(a);
    await users(a.http, tenant).expect(200);
    await users(replicaB, tenant).expect(200);
    await adminDelete(`/admin/v1/tenants/${tenant.id}/tokens/${tenant.tokenId}`).expect(204);
    const refused = await users(a.http, tenant).expect(401);
    expect(refused.body.detail).toMatch(/revoked/);
    expect(await msUntilB(tenant, 401)).toBeLessThanOrEqual(CACHE_SECONDS * 1000 + SLACK_MS);
  });

  it('refuses a suspended tenant with 403 within the bound on every replica', async () => {
    const tenant = await createTenant(a);
    await users(a.http, tenant).expect(200);
    await users(replicaB, tenant).expect(200);
    await adminPatch(`/admin/v1/tenants/${tenant.id}`, { status: 'suspended' }).expect(200);
    await users(a.http, tenant).expect(403);
    expect(await msUntilB(tenant, 403)).toBeLessThanOrEqual(CACHE_SECONDS * 1000 + SLACK_MS);
  });

  it('refuses every token of a deleted tenant within the bound', async () => {
    const tenant = await createTenant(a);
    await users(replicaB, tenant).expect(200);
    await adminDelete(`/admin/v1/tenants/${tenant.id}`).expect(204);
    await users(a.http, tenant).expect(401);
    expect(await msUntilB(tenant, 401)).toBeLessThanOrEqual(CACHE_SECONDS * 1000 + SLACK_MS);
  });
});
