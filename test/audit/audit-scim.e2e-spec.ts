import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, eventually } from './audit-test-helpers';

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

interface Event {
  id: string;
  sequence: number;
  action: string;
  outcome: string;
  status: number | null;
  resourceId: string | null;
  resourceName: string | null;
  externalId: string | null;
  actor: Record<string, string>;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  summary: string | null;
  changes: Array<{ path: string; op: string; before?: unknown; after?: unknown }> | null;
}

describe('audit events from SCIM requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const scim = (tenant: TestTenant) => ({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM, 'User-Agent': 'Azure AD SCIM Client' });
  /** Events after `afterSequence`, oldest first. */
  const eventsSince = async (tenant: TestTenant, afterSequence: number): Promise<Event[]> => {
    const res = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ limit: '500' }).set(admin(t)).expect(200);
    return (res.body.items as Event[]).filter((e) => e.sequence > afterSequence).reverse();
  };
  const headSequence = async (tenant: TestTenant): Promise<number> => {
    const res = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ limit: '1' }).set(admin(t)).expect(200);
    return res.body.items[0]?.sequence ?? 0;
  };
  /**
   * Runs one request and returns exactly the events it wrote. Failures are recorded just after the response,
   * so when the request had some, pass how many events to wait for.
   */
  const eventsOf = async (tenant: TestTenant, act: () => Promise<unknown>, expected = 0): Promise<Event[]> => {
    const before = await headSequence(tenant);
    await act();
    return eventually(() => eventsSince(tenant, before), (events) => events.length >= expected);
  };
  const createUser = async (tenant: TestTenant, overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/scim/v2/Users').set(scim(tenant)).send(buildScimUser(overrides)).expect(201)).body;

  it('records a user create with who, from where and what, and no password', async () => {
    const tenant = await createTenant(t);
    let requestId = '';
    let userId = '';
    const body = buildScimUser({ password: 'Sup3r-secret!' });
    const events = await eventsOf(tenant, async () => {
      const res = await t.http.post('/scim/v2/Users').set(scim(tenant)).send(body).expect(201);
      requestId = res.headers['x-request-id'];
      userId = res.body.id;
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      action: 'user.created', outcome: 'success', resourceId: userId, resourceName: body.userName, externalId: body.externalId,
      actor: { type: 'token', tokenId: tenant.tokenId, tokenKind: 'static' }, requestId, userAgent: 'Azure AD SCIM Client',
    });
    expect(event.clientIp).toBeTruthy();
    expect(event.changes).toContainEqual({ path: 'name.givenName', op: 'add', after: 'Barbara' });
    expect(JSON.stringify(event)).not.toContain('Sup3r-secret!');
    expect((await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ resourceId: userId }).set(admin(t))).body.items).toHaveLength(1);
  });

  it('records the resulting change of a PATCH, not the request', async () => {
    const tenant = await createTenant(t);
    const user = await createUser(tenant);
    const events = await eventsOf(tenant, () =>
      t.http.patch(`/scim/v2/Users/${user.id}`).set(scim(tenant))
        .send({ schemas: [PATCH_OP], Operations: [
          { op: 'Replace', path: 'name.givenName', value: 'Babs' },
          { op: 'replace', path: 'displayName', value: 'Babs Jensen' },
          { op: 'replace', path: 'name.familyName', value: 'Jensen' }, // unchanged: not in the diff
        ] })
        .expect(200),
    );
    expect(events.map((e) => e.action)).toEqual(['user.updated']);
    expect(events[0].changes).toEqual([
      { path: 'displayName', op: 'add', after: 'Babs Jensen' },
      { path: 'name.givenName', op: 'replace', before: 'Barbara', after: 'Babs' },
    ]);
  });

  it('records a PUT, a deactivation and a delete as one event each', async () => {
    const tenant = await createTenant(t);
    const user = await createUser(tenant);
    const put = await eventsOf(tenant, () =>
      t.http.put(`/scim/v2/Users/${user.id}`).set(scim(tenant)).send({ ...buildScimUser({ userName: user.userName, externalId: user.externalId }), title: 'Engineer' }).expect(200),
    );
    expect(put.map((e) => e.action)).toEqual(['user.updated']);
    expect(put[0].changes).toContainEqual({ path: 'title', op: 'add', after: 'Engineer' });

    const deactivate = await eventsOf(tenant, () =>
      t.http.patch(`/scim/v2/Users/${user.id}`).set(scim(tenant)).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] }).expect(200),
    );
    expect(deactivate.map((e) => e.action)).toEqual(['user.deactivated']);
    expect(deactivate[0].changes).toEqual([{ path: 'active', op: 'replace', before: true, after: false }]);

    const removed = await eventsOf(tenant, () => t.http.delete(`/scim/v2/Users/${user.id}`).set(scim(tenant)).expect(204));
    expect(removed.map((e) => e.action)).toEqual(['user.deleted']);
    expect(removed[0].changes).toContainEqual({ path: 'userName', op: 'remove', before: user.userName });
  });

  it('records group creation and each membership change with the members that came or went', async () => {
    const tenant = await createTenant(t);
    const [u1, u2] = [await createUser(tenant), await createUser(tenant)];
    let groupId = '';
    const created = await eventsOf(tenant, async () => {
      const res = await t.http.post('/scim/v2/Groups').set(scim(tenant))
        .send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Engineering', members: [{ value: u1.id }] }).expect(201);
      groupId = res.body.id;
    });
    expect(created.map((e) => e.action)).toEqual(['group.created', 'group.members.added']);
    expect(created[1].changes).toEqual([expect.objectContaining({ path: `members[value eq "${u1.id}" and type eq "User"]`, op: 'add' })]);

    const added = await eventsOf(tenant, () =>
      t.http.patch(`/scim/v2/Groups/${groupId}`).set(scim(tenant)).send({ schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: u2.id }] }] }).expect((r) => expect([200, 204]).toContain(r.status)),
    );
    expect(added.map((e) => [e.action, e.resourceName])).toEqual([['group.members.added', 'Engineering']]);
    expect(added[0].changes).toEqual([expect.objectContaining({ path: `members[value eq "${u2.id}" and type eq "User"]`, op: 'add' })]);

    const removed = await eventsOf(tenant, () =>
      t.http.patch(`/scim/v2/Groups/${groupId}`).set(scim(tenant)).send({ schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${u1.id}"]` }] }).expect((r) => expect([200, 204]).toContain(r.status)),
    );
    expect(removed.map((e) => e.action)).toEqual(['group.members.removed']);
    expect(removed[0].changes).toEqual([expect.objectContaining({ path: `members[value eq "${u1.id}" and type eq "User"]`, op: 'remove' })]);

    const deleted = await eventsOf(tenant, () => t.http.delete(`/scim/v2/Groups/${groupId}`).set(scim(tenant)).expect(204));
    expect(deleted.map((e) => e.action)).toContain('group.deleted');
  });

  it('records a rejected write as a failure with status and scimType, without the body', async () => {
    const tenant = await createTenant(t);
    const user = await createUser(tenant);
    const events = await eventsOf(tenant, () =>
      t.http.post('/scim/v2/Users').set(scim(tenant)).send(buildScimUser({ userName: user.userName.toUpperCase(), password: 'Leaky-pw-1!' })).expect(409),
      1,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.created', outcome: 'failure', status: 409, changes: null });
    expect(JSON.stringify(events[0])).not.toContain('Leaky-pw-1!');
  });

  it('records each Bulk operation separately and nothing for an operation that rolled back', async () => {
    const tenant = await createTenant(t);
    const member = await createUser(tenant);
    const group = (await t.http.post('/scim/v2/Groups').set(scim(tenant))
      .send({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales' }).expect(201)).body;
    const [first, last] = [buildScimUser(), buildScimUser()];
    const events = await eventsOf(tenant, async () => {
      const res = await t.http.post('/scim/v2/Bulk').set(scim(tenant)).send({
        schemas: [BULK_REQUEST],
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'a', data: first },
          // Renames the group and adds a member that does not exist: the whole operation fails and rolls back.
          { method: 'PATCH', path: `/Groups/${group.id}`, data: { schemas: [PATCH_OP], Operations: [
            { op: 'replace', path: 'displayName', value: 'Sales EMEA' },
            { op: 'add', path: 'members', value: [{ value: member.id }, { value: '00000000-0000-4000-8000-000000000000' }] },
          ] } },
          { method: 'POST', path: '/Users', bulkId: 'c', data: last },
        ],
      }).expect(200);
      expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['201', expect.stringMatching(/^4/), '201']);
    }, 3);
    const successes = events.filter((e) => e.outcome === 'success');
    expect(successes.map((e) => [e.action, e.resourceName])).toEqual([['user.created', first.userName], ['user.created', last.userName]]);
    expect(events.filter((e) => e.resourceId === group.id && e.outcome === 'success')).toEqual([]);
    const failures = events.filter((e) => e.outcome === 'failure');
    expect(failures).toEqual([expect.objectContaining({ resourceId: group.id, status: expect.any(Number) })]);
    expect((await t.http.get(`/scim/v2/Groups/${group.id}`).set(scim(tenant)).expect(200)).body.displayName).toBe('Sales');
  });

  it("keeps the chain verifiable after SCIM traffic and hides it from other tenants", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const user = await createUser(a);
    await t.http.patch(`/scim/v2/Users/${user.id}`).set(scim(a)).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'CTO' }] }).expect(200);
    const verify = await t.http.get(`/admin/v1/tenants/${a.id}/audit-events/verify`).set(admin(t)).expect(200);
    expect(verify.body).toMatchObject({ ok: true, firstBrokenEventId: null });
    const [event] = (await t.http.get(`/admin/v1/tenants/${a.id}/audit-events`).query({ resourceId: user.id }).set(admin(t)).expect(200)).body.items;
    await t.http.get(`/admin/v1/tenants/${b.id}/audit-events/${event.id}`).set(admin(t)).expect(404);
    expect((await t.http.get(`/admin/v1/tenants/${b.id}/audit-events`).query({ resourceId: user.id }).set(admin(t)).expect(200)).body.items).toEqual([]);
  });
});
