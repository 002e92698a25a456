import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { countQueries, QueryCounter } from '../support/query-counter';
import { startTestApp, TestApp } from '../support/test-app';
import { patchOp, scim } from './scim-test-client';

/**
 * Database round trips per SCIM request, counted on the wire to the real Postgres (issue #9: ≤ 4 per user an
 * Entra sync creates, i.e. its `userName eq` lookup plus the POST). A regression here costs every IdP sync.
 */
describe('SCIM round trips', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let counter: QueryCounter;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    counter = countQueries();
  });
  afterAll(async () => {
    counter.stop();
    await t.close();
  });

  async function roundTrips(action: () => Promise<unknown>): Promise<string[]> {
    counter.reset();
    await action();
    return [...counter.statements];
  }

  it('an Entra sync creates a user in at most 4 round trips: lookup plus POST', async () => {
    const client = scim(t, tenant);
    await client.get('/Users?count=1').expect(200); // the token's first use: looked up, then remembered
    const body = buildScimUser();
    const sent = await roundTrips(async () => {
      await client.get(`/Users?filter=${encodeURIComponent(`userName eq "${String(body.userName)}"`)}`).expect(200);
      await client.post('/Users', body).expect(201);
    });
    process.stdout.write(`sync user: ${sent.length} round trips\n  ${sent.join('\n  ')}\n`);
    expect(sent.length).toBeLessThanOrEqual(4);
  });

  it('a PATCH or DELETE of a user takes at most 6: transaction, row lock, change, its event and audit entry in one', async () => {
    const client = scim(t, tenant);
    const created = (await client.post('/Users', buildScimUser()).expect(201)).body;
    const patch = await roundTrips(() => client.patch(`/Users/${created.id}`, patchOp({ op: 'replace', path: 'title', value: 'CTO' })).expect(200));
    const del = await roundTrips(() => client.delete(`/Users/${created.id}`).expect(204));
    process.stdout.write(`patch: ${patch.length}\n  ${patch.join('\n  ')}\ndelete: ${del.length}\n  ${del.join('\n  ')}\n`);
    expect(patch.length).toBeLessThanOrEqual(6);
    expect(del.length).toBeLessThanOrEqual(6);
  });

  it('a create that loses on userName writes nothing but its failure audit event, and answers 409', async () => {
    const client = scim(t, tenant);
    const body = buildScimUser();
    await client.post('/Users', body).expect(201);
    const count = async () => (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM scim_users WHERE tenant_id = $1)::int AS users, (SELECT count(*) FROM outbox_events WHERE tenant_id = $1)::int AS events,
              (SELECT count(*) FROM audit_events WHERE tenant_id = $1 AND outcome = 'success')::int AS audited`, [tenant.id]))[0];
    const before = await count();
    const res = await client.post('/Users', { ...body, userName: String(body.userName).toUpperCase() }).expect(409);
    expect(res.body.scimType).toBe('uniqueness');
    expect(await count()).toEqual(before);
    const [failure] = await t.dataSource.query(`SELECT action, status FROM audit_events WHERE tenant_id = $1 AND outcome = 'failure' ORDER BY occurred_at DESC LIMIT 1`, [tenant.id]);
    expect(failure).toEqual({ action: 'user.created', status: 409 });
  });
});
