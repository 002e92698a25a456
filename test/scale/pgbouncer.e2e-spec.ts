import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker } from '../events/support/test-worker';
import { createTenant, TestTenant } from '../support/factories';
import { startPgBouncer, PgBouncer } from '../support/servers/pgbouncer';
import { TEST_SERVER_URL, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, FAST_DELIVERY_ENV, scimCreateUser, scimPatchUser } from '../webhooks/support/webhook-helpers';

/**
 * The API and the worker with DATABASE_URL pointing at PgBouncer in transaction pooling mode, and only the
 * relay's LISTEN on DATABASE_DIRECT_URL (docs/scaling.md): SCIM writes, the relay, webhook delivery and the
 * audit sealer all work through the pooler, where no session state survives a transaction.
 */
describe('API and worker through PgBouncer in transaction pooling mode', () => {
  let bouncer: PgBouncer;
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: TestReceiver;
  let tenant: TestTenant;

  beforeAll(async () => {
    bouncer = await startPgBouncer(TEST_SERVER_URL);
    t = await startTestApp((db: TestDatabase) => ({ ...FAST_DELIVERY_ENV, DATABASE_URL: bouncer.pooledUrl(db.url), DATABASE_DIRECT_URL: db.url }));
    worker = await startTestWorker(t.config, []);
    receiver = await new TestReceiver().start();
    receiver.on('/hook', () => ({ status: 204 }));
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    await worker?.close();
    await receiver?.stop();
    await t?.close();
    await bouncer?.stop();
  });

  it('takes SCIM writes, and delivers their events to a webhook in order', async () => {
    await createWebhook(t, tenant.id, { url: receiver.url('/hook') });
    const user = await scimCreateUser(t, tenant, { userName: 'pooled@example.com' });
    await scimPatchUser(t, tenant, user.id, [{ op: 'replace', path: 'active', value: false }]);
    const found = await t.http.get('/scim/v2/Users').auth(tenant.token, { type: 'bearer' }).query({ filter: 'userName eq "pooled@example.com"' }).expect(200);
    expect(found.body.Resources[0].active).toBe(false);

    const deadline = Date.now() + 20000;
    while (receiver.to('/hook').length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const types = receiver.to('/hook').map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(['user.created', 'user.deactivated']);
  });

  it('seals the audit events of those writes and verifies the chain', async () => {
    const deadline = Date.now() + 20000;
    for (;;) {
      const verify = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events/verify`).auth(t.adminToken, { type: 'bearer' }).expect(200);
      if (verify.body.ok && !verify.body.pending) {
        expect(verify.body.checked).toBeGreaterThanOrEqual(2);
        return;
      }
      if (Date.now() > deadline) throw new Error(`audit chain not sealed: ${JSON.stringify(verify.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
});
