import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, storedEvents } from './audit-test-helpers';

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const UNKNOWN_TENANT = '00000000-0000-4000-8000-000000000000';

interface Event {
  id: string;
  tenantId: string;
  sequence: number;
  resourceId: string | null;
}

/** Every way of reading the log is scoped by the tenant in the path: list, get, verify and export. */
describe("audit log tenant isolation", () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  let userOfA: { id: string; userName: string; externalId: string };
  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = [await createTenant(t), await createTenant(t)];
    // A has more events than B, so any leak shows in counts and sequences, not just in ids.
    const scim = (tenant: TestTenant) => ({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM });
    userOfA = (await t.http.post('/scim/v2/Users').set(scim(a)).send(buildScimUser()).expect(201)).body;
    for (const title of ['One', 'Two', 'Three']) {
      await t.http.patch(`/scim/v2/Users/${userOfA.id}`).set(scim(a)).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: title }] }).expect(200);
    }
    await t.http.post('/scim/v2/Users').set(scim(b)).send(buildScimUser()).expect(201);
  });
  afterAll(() => t.close());

  const path = (tenant: { id: string }, suffix = '') => `/admin/v1/tenants/${tenant.id}/audit-events${suffix}`;
  const list = async (tenant: TestTenant, query: Record<string, string> = {}) =>
    (await t.http.get(path(tenant)).query(query).set(admin(t)).expect(200)).body as { items: Event[]; nextCursor: string | null };
  const exported = async (tenant: TestTenant, format: 'ndjson' | 'csv') =>
    (await t.http.get(path(tenant, '/export')).query({ format }).set(admin(t)).buffer(true)
      .parse((r, done) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => done(null, body));
      })
      .expect(200)).body as string;

  it('lists only the tenant\'s own events, whatever the filter or cursor', async () => {
    const ownIds = (await storedEvents(t, b.id)).map((e) => e.id).sort();
    const all = await list(b, { limit: '500' });
    expect(all.items.map((e) => e.id).sort()).toEqual(ownIds);
    expect(all.items.every((e) => e.tenantId === b.id)).toBe(true);
    // Filters naming A's resource, userName, externalId and token find nothing in B.
    const foreign: Array<Record<string, string>> = [{ resourceId: userOfA.id }, { userName: userOfA.userName }, { externalId: userOfA.externalId }, { actor: a.tokenId }];
    for (const query of foreign) {
      expect((await list(b, query)).items).toEqual([]);
    }
    // A cursor taken from A's longer chain pages B's own events only.
    const [newestOfA] = (await list(a, { limit: '1' })).items;
    const paged = await list(b, { cursor: String(newestOfA.sequence + 1), limit: '500' });
    expect(paged.items.map((e) => e.id).sort()).toEqual(ownIds);
  });

  it("answers 404 for another tenant's event by id", async () => {
    const [eventOfA] = (await list(a, { resourceId: userOfA.id })).items;
    await t.http.get(path(a, `/${eventOfA.id}`)).set(admin(t)).expect(200);
    const res = await t.http.get(path(b, `/${eventOfA.id}`)).set(admin(t)).expect(404);
    expect(JSON.stringify(res.body)).not.toContain(userOfA.id);
  });

  it("verifies each chain on its own: B's result ignores A's events, and tampering in A does not touch B", async () => {
    const countOfB = (await storedEvents(t, b.id)).length;
    expect((await t.http.get(path(b, '/verify')).set(admin(t)).expect(200)).body).toMatchObject({ ok: true, checked: countOfB, headSequence: countOfB });

    // A throwaway tenant stands in for A, so the other tests keep an intact chain.
    const c = await createTenant(t);
    const [target] = await storedEvents(t, c.id);
    await t.dataSource.query(`UPDATE audit_events SET resource_name = 'forged' WHERE tenant_id = $1 AND id = $2`, [c.id, target.id]);
    expect((await t.http.get(path(c, '/verify')).set(admin(t)).expect(200)).body).toMatchObject({ ok: false, firstBrokenEventId: target.id });
    expect((await t.http.get(path(b, '/verify')).set(admin(t)).expect(200)).body).toMatchObject({ ok: true, checked: countOfB });
  });

  it('exports only the tenant\'s own events, as NDJSON and as CSV', async () => {
    const own = await storedEvents(t, b.id);
    const lines = (await exported(b, 'ndjson')).trim().split('\n').map((line) => JSON.parse(line) as Event);
    expect(lines.map((e) => e.id)).toEqual(own.map((e) => e.id));
    expect(lines.every((e) => e.tenantId === b.id)).toBe(true);
    const csv = (await exported(b, 'csv')).trim().split('\n');
    expect(csv).toHaveLength(own.length + 1);
    expect(csv.join('\n')).not.toContain(userOfA.id);
    expect(csv.join('\n')).not.toContain(a.tokenId);
  });

  it('answers 404 on every audit route for an unknown tenant or a malformed tenant id', async () => {
    for (const tenant of [{ id: UNKNOWN_TENANT }, { id: 'not-a-uuid' }]) {
      for (const suffix of ['', '/verify', '/export', `/${UNKNOWN_TENANT}`]) {
        await t.http.get(path(tenant, suffix)).set(admin(t)).expect(404);
      }
    }
  });

  it("refuses a tenant's SCIM token on the audit routes, its own tenant's included (401)", async () => {
    for (const suffix of ['', '/verify', '/export']) {
      await t.http.get(path(a, suffix)).set({ Authorization: `Bearer ${a.token}` }).expect(401);
      await t.http.get(path(b, suffix)).set({ Authorization: `Bearer ${a.token}` }).expect(401);
    }
  });
});
