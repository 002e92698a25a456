import { OUTBOX_NOTIFY_CHANNEL } from '@provisio/events';
import { Client } from 'pg';
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

  it('an Entra sync creates a user in at most 4 round trips: the lookup, the POST in one statement, the wake-up', async () => {
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

  // Besides the request's own statements, the relay's wake-up (RelayWake, after commit, off the request's path and
  // coalesced across commits under load) is counted too: it is a round trip of the API's pool.
  it('a PATCH or DELETE of a user takes at most 7: transaction, row lock, change, its event and audit entry in one, wake-up', async () => {
    const client = scim(t, tenant);
    const created = (await client.post('/Users', buildScimUser()).expect(201)).body;
    const patch = await roundTrips(() => client.patch(`/Users/${created.id}`, patchOp({ op: 'replace', path: 'title', value: 'CTO' })).expect(200));
    const del = await roundTrips(() => client.delete(`/Users/${created.id}`).expect(204));
    process.stdout.write(`patch: ${patch.length}\n  ${patch.join('\n  ')}\ndelete: ${del.length}\n  ${del.join('\n  ')}\n`);
    expect(patch.length).toBeLessThanOrEqual(7);
    expect(del.length).toBeLessThanOrEqual(7);
  });

  it('a create sent as one autocommitted statement still wakes the relay, from a session of its own after the commit', async () => {
    const listener = new Client({ connectionString: t.db.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    try {
      await listener.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      await scim(t, tenant).post('/Users', buildScimUser()).expect(201);
      for (let waited = 0; !payloads.some((p) => p.split(',').includes(tenant.id)) && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(payloads.some((p) => p.split(',').includes(tenant.id))).toBe(true);
    } finally {
      await listener.end();
    }
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
