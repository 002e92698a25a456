import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditWriter } from './audit-test-helpers';

/** Bad input on the audit routes is a clear 400 (never a 500), and the edge cases of valid input behave. */
describe('audit query input', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const path = (suffix = '') => `/admin/v1/tenants/${tenant.id}/audit-events${suffix}`;
  const text = (suffix: string, query: Record<string, string>) =>
    t.http.get(path(suffix)).query(query).set(admin(t)).buffer(true)
      .parse((r, done) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => done(null, body));
      });

  it.each([
    ['limit above 500', { limit: '501' }, /limit/],
    ['limit not a number', { limit: 'ten' }, /limit/],
    ['a cursor that is not a nextCursor', { cursor: '-1' }, /cursor/],
    ['a cursor too long to be a sequence', { cursor: '1'.repeat(16) }, /cursor/],
    ['a date that is not ISO 8601', { from: '23/11/2026' }, /from/],
    ['an impossible date', { to: '2026-02-30T00:00:00Z' }, /to/],
    ['an unknown outcome', { outcome: 'partial' }, /outcome/],
    ['an unknown parameter (a typo of userName)', { username: 'bjensen' }, /username/],
    ['a parameter given twice', { action: ['user.created', 'user.updated'] as unknown as string }, /action/],
    ['a userName longer than 1000 characters', { userName: 'x'.repeat(1001) }, /userName/],
    ['a resourceId longer than 200 characters', { resourceId: 'x'.repeat(201) }, /resourceId/],
  ])('search: %s is 400', async (_name, query, message) => {
    const res = await t.http.get(path()).query(query).set(admin(t)).expect(400);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it.each([
    ['an unknown format', { format: 'xlsx' }],
    ['a date that is not ISO 8601', { from: 'last month' }],
    ['a filter the export does not take', { action: 'user.created' }],
  ])('export: %s is 400', async (_name, query) => {
    await t.http.get(path('/export')).query(query).set(admin(t)).expect(400);
  });

  it('accepts times with an offset, and a range that is empty or reversed answers an empty page', async () => {
    const [newest] = (await t.http.get(path()).query({ limit: '1' }).set(admin(t)).expect(200)).body.items;
    const at = Date.parse(newest.occurredAt);
    const offset = new Date(at + 2 * 3_600_000).toISOString().replace('Z', '+02:00');
    // The newest event's own instant, written with an offset: 'from' includes it, 'to' excludes it.
    const from = await t.http.get(path()).query({ from: offset }).set(admin(t)).expect(200);
    expect(from.body.items[0].id).toBe(newest.id);
    expect(from.body.items.every((e: { occurredAt: string }) => e.occurredAt === newest.occurredAt)).toBe(true);
    const to = await t.http.get(path()).query({ to: offset }).set(admin(t)).expect(200);
    expect(to.body.items.map((e: { id: string }) => e.id)).not.toContain(newest.id);
    expect(to.body.items.length).toBeGreaterThan(0);
    const reversed = await t.http.get(path()).query({ from: new Date(at + 1000).toISOString(), to: new Date(at - 1000).toISOString() }).set(admin(t)).expect(200);
    expect(reversed.body).toEqual({ items: [], nextCursor: null });
    const below = await t.http.get(path()).query({ cursor: '0' }).set(admin(t)).expect(200);
    expect(below.body).toEqual({ items: [], nextCursor: null });
  });

  it('exports an empty range as an empty NDJSON body and a CSV with only its header', async () => {
    const future = { from: new Date(Date.now() + 86_400_000).toISOString() };
    expect((await text('/export', { ...future, format: 'ndjson' }).expect(200)).body).toBe('');
    const csv = (await text('/export', { ...future, format: 'csv' }).expect(200)).body as string;
    expect(csv.trim().split('\n')).toEqual([expect.stringMatching(/^sequence,id,occurredAt,action,outcome,/)]);
  });

  it('finds an event by its id in upper case too, and answers 404 for an id that is not a UUID', async () => {
    await t.dataSource.transaction((tx) => auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.created', resourceType: 'User', resourceId: 'u-1' }));
    const [event] = (await t.http.get(path()).query({ resourceId: 'u-1' }).set(admin(t)).expect(200)).body.items;
    expect((await t.http.get(path(`/${event.id.toUpperCase()}`)).set(admin(t)).expect(200)).body.id).toBe(event.id);
    await t.http.get(path(`/${event.id}x`)).set(admin(t)).expect(404);
    await t.http.get(path(`/${encodeURIComponent("' OR 1=1 --")}`)).set(admin(t)).expect(404);
  });

  it('treats filter values as data, never as SQL or patterns', async () => {
    for (const value of ["' OR '1'='1", '%', '_', 'user.%', '\\']) {
      for (const key of ['action', 'resourceId', 'userName', 'externalId', 'actor']) {
        const res = await t.http.get(path()).query({ [key]: value }).set(admin(t)).expect(200);
        expect(res.body.items).toEqual([]);
      }
    }
  });
});
