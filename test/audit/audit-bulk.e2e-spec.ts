import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, eventually, storedEvents } from './audit-test-helpers';

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const NO_SUCH_USER = '00000000-0000-4000-8000-000000000000';

/**
 * Bulk runs each operation in its own transaction (RFC 7644 §3.7 leaves atomicity to the provider). So the part
 * that rolls back when an operation fails is that operation's own change, and with failOnErrors the operations
 * after it never run: neither may leave a success event behind.
 */
describe('audit events of a Bulk request that fails in the middle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const scim = (tenant: TestTenant) => ({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM });

  it('with failOnErrors: events for the operations before the failure only, none for the failed or skipped ones', async () => {
    const tenant = await createTenant(t);
    const member = (await t.http.post('/scim/v2/Users').set(scim(tenant)).send(buildScimUser()).expect(201)).body;
    const group = (await t.http.post('/scim/v2/Groups').set(scim(tenant)).send({ schemas: [GROUP], displayName: 'Sales' }).expect(201)).body;
    const [first, skipped] = [buildScimUser(), buildScimUser()];
    const head = (await storedEvents(t, tenant.id)).length;

    const res = await t.http.post('/scim/v2/Bulk').set(scim(tenant)).send({
      schemas: [BULK_REQUEST],
      failOnErrors: 1,
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'first', data: first },
        { method: 'PATCH', path: `/Users/${member.id}`, data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Lead' }] } },
        // Renames the group and adds one real and one unknown member: the rename and the real member are written
        // inside the operation's transaction, then the unknown member fails it and everything rolls back.
        { method: 'PATCH', path: `/Groups/${group.id}`, data: { schemas: [PATCH_OP], Operations: [
          { op: 'replace', path: 'displayName', value: 'Sales EMEA' },
          { op: 'add', path: 'members', value: [{ value: member.id }, { value: NO_SUCH_USER }] },
        ] } },
        // Never run: failOnErrors 1 stops after the first error.
        { method: 'POST', path: '/Users', bulkId: 'skipped', data: skipped },
        { method: 'DELETE', path: `/Users/${member.id}` },
      ],
    }).expect(200);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['201', '200', expect.stringMatching(/^4/)]);

    // The failure is recorded just after the response; wait for it, then everything this Bulk wrote is there.
    const events = (await eventually(() => storedEvents(t, tenant.id), (all) => all.length >= head + 3)).slice(head);
    expect(events.map((e) => [e.action, e.outcome, e.resource_id])).toEqual([
      ['user.created', 'success', res.body.Operations[0].location.split('/').pop()],
      ['user.updated', 'success', member.id],
      ['group.updated', 'failure', group.id],
    ]);
    expect(events[1].changes).toEqual([{ path: 'title', op: 'add', after: 'Lead' }]);
    expect(events[2]).toMatchObject({ status: expect.any(Number), changes: null });
    expect(JSON.stringify(events)).not.toContain(skipped.userName as string);

    // The store agrees with the log: the group kept its name and members, the skipped operations did nothing.
    const stored = (await t.http.get(`/scim/v2/Groups/${group.id}`).set(scim(tenant)).expect(200)).body;
    expect(stored.displayName).toBe('Sales');
    expect(stored.members ?? []).toEqual([]);
    await t.http.get(`/scim/v2/Users/${member.id}`).set(scim(tenant)).expect(200);
    const lookup = await t.http.get('/scim/v2/Users').query({ filter: `userName eq "${skipped.userName as string}"` }).set(scim(tenant)).expect(200);
    expect(lookup.body.totalResults).toBe(0);

    // The rolled-back operation used no sequence number: the chain is gapless and verifies.
    const all = await storedEvents(t, tenant.id);
    expect(all.map((e) => Number(e.sequence))).toEqual(all.map((_, i) => i + 1));
    const verify = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events/verify`).set(admin(t)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: all.length });
  });

  it('a bulkId reference to a failed operation fails too, and neither writes a success event', async () => {
    const tenant = await createTenant(t);
    const taken = (await t.http.post('/scim/v2/Users').set(scim(tenant)).send(buildScimUser()).expect(201)).body;
    const head = (await storedEvents(t, tenant.id)).length;
    const res = await t.http.post('/scim/v2/Bulk').set(scim(tenant)).send({
      schemas: [BULK_REQUEST],
      Operations: [
        // Same userName in another case: a uniqueness conflict.
        { method: 'POST', path: '/Users', bulkId: 'dup', data: buildScimUser({ userName: taken.userName.toUpperCase() }) },
        { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP], displayName: 'Depends on dup', members: [{ value: 'bulkId:dup' }] } },
      ],
    }).expect(200);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['409', '409']);
    const events = (await eventually(() => storedEvents(t, tenant.id), (all) => all.length >= head + 2)).slice(head);
    // Each failure is written in its own transaction after the response, so their order is not defined.
    expect(events.map((e) => [e.action, e.outcome, e.status]).sort()).toEqual([
      ['group.created', 'failure', 409],
      ['user.created', 'failure', 409],
    ]);
  });
});
