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

  it('counts the other user writes', async () => {
    const client = scim(t, tenant);
    const created = (await client.post('/Users', buildScimUser()).expect(201)).body;
    const patch = await roundTrips(() => client.patch(`/Users/${created.id}`, patchOp({ op: 'replace', path: 'title', value: 'CTO' })).expect(200));
    const del = await roundTrips(() => client.delete(`/Users/${created.id}`).expect(204));
    process.stdout.write(`patch: ${patch.length}\n  ${patch.join('\n  ')}\ndelete: ${del.length}\n  ${del.join('\n  ')}\n`);
  });
});
