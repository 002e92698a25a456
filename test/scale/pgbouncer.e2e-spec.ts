import { createTenant, createToken, buildScimUser } from '../support/factories';
import { startPgBouncer, PgBouncer } from '../support/servers/pgbouncer';
import { TEST_SERVER_URL, TestDatabase } from '../support/test-database';
import { startTestApp, TestApp } from '../support/test-app';

describe('API through PgBouncer in transaction pooling mode', () => {
  let bouncer: PgBouncer;
  let t: TestApp;

  beforeAll(async () => {
    bouncer = await startPgBouncer(TEST_SERVER_URL);
    t = await startTestApp((db: TestDatabase) => ({ DATABASE_URL: bouncer.pooledUrl(db.url), DATABASE_DIRECT_URL: db.url }));
  });

  afterAll(async () => {
    await t?.close();
    await bouncer?.stop();
  });

  it('serves SCIM writes and reads with every connection behind the pooler', async () => {
    const tenant = await createTenant(t);
    const { token } = await createToken(t, tenant.id);
    const auth = { Authorization: `Bearer ${token}` };
    const created = await t.http.post('/scim/v2/Users').set(auth).send(buildScimUser({ userName: 'pooled@example.com' })).expect(201);
    await t.http.patch(`/scim/v2/Users/${created.body.id}`).set(auth)
      .send({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] })
      .expect(200);
    const found = await t.http.get('/scim/v2/Users').query({ filter: 'userName eq "pooled@example.com"' }).set(auth).expect(200);
    expect(found.body.Resources[0].active).toBe(false);
  });
});
