import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { storedEvents, StoredEvent } from './audit-test-helpers';

const SCIM = 'application/scim+json';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const member = (id: string) => `members[value eq "${id}" and type eq "User"]`;

/**
 * The kinds of SCIM change audit-scim.e2e-spec.ts does not cover: reactivation, group rename, a group PUT that
 * swaps members, a PUT that both deactivates and edits, and a user deleted while in a group. Each request yields
 * exactly the listed events, each with its own diff.
 */
describe('audit events for every kind of SCIM change', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const scim = () => ({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': SCIM });
  const createUser = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/scim/v2/Users').set(scim()).send(buildScimUser(overrides)).expect(201)).body;
  const createGroup = async (displayName: string, members: string[] = []) =>
    (await t.http.post('/scim/v2/Groups').set(scim()).send({ schemas: [GROUP], displayName, members: members.map((value) => ({ value })) }).expect(201)).body;
  /** The events one request wrote, oldest first. */
  const eventsOf = async (act: () => Promise<unknown>): Promise<StoredEvent[]> => {
    const before = (await storedEvents(t, tenant.id)).length;
    await act();
    return (await storedEvents(t, tenant.id)).slice(before);
  };
  const summary = (events: StoredEvent[]) => events.map((e) => [e.action, e.resource_id]);

  it('reactivation: user.reactivated with only active in the diff', async () => {
    const user = await createUser({ active: false });
    const events = await eventsOf(() =>
      t.http.patch(`/scim/v2/Users/${user.id}`).set(scim()).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] }).expect(200),
    );
    expect(summary(events)).toEqual([['user.reactivated', user.id]]);
    expect(events[0].changes).toEqual([{ path: 'active', op: 'replace', before: false, after: true }]);
  });

  it('a PUT that deactivates and renames: user.updated and user.deactivated, both with the full diff', async () => {
    const user = await createUser();
    const renamed = `${user.userName}.old`;
    const events = await eventsOf(() =>
      t.http.put(`/scim/v2/Users/${user.id}`).set(scim()).send(buildScimUser({ userName: renamed, externalId: user.externalId, active: false })).expect(200),
    );
    expect(summary(events)).toEqual([['user.updated', user.id], ['user.deactivated', user.id]]);
    for (const event of events) {
      expect(event.resource_name).toBe(renamed);
      expect(event.changes).toEqual(expect.arrayContaining([
        { path: 'userName', op: 'replace', before: user.userName, after: renamed },
        { path: 'active', op: 'replace', before: true, after: false },
      ]));
    }
  });

  it('a group rename: one group.updated under the new name', async () => {
    const group = await createGroup('Finance');
    const events = await eventsOf(() =>
      t.http.patch(`/scim/v2/Groups/${group.id}`).set(scim()).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Finance EMEA' }] })
        .expect((r) => expect([200, 204]).toContain(r.status)),
    );
    expect(summary(events)).toEqual([['group.updated', group.id]]);
    expect(events[0]).toMatchObject({ resource_name: 'Finance EMEA', changes: [{ path: 'displayName', op: 'replace', before: 'Finance', after: 'Finance EMEA' }] });
  });

  it('a group PUT that swaps members: one removed and one added event, each naming its members', async () => {
    const [stays, leaves, joins] = [await createUser(), await createUser(), await createUser()];
    const group = await createGroup('Support', [stays.id, leaves.id]);
    const events = await eventsOf(() =>
      t.http.put(`/scim/v2/Groups/${group.id}`).set(scim()).send({ schemas: [GROUP], displayName: 'Support', members: [{ value: stays.id }, { value: joins.id }] }).expect(200),
    );
    // The displayName is unchanged, so there is no group.updated: members have their own events.
    const memberEvents = events;
    expect(summary(memberEvents)).toEqual([['group.members.removed', group.id], ['group.members.added', group.id]]);
    expect(memberEvents[0].changes).toEqual([expect.objectContaining({ path: member(leaves.id), op: 'remove' })]);
    expect(memberEvents[1].changes).toEqual([expect.objectContaining({ path: member(joins.id), op: 'add' })]);
  });

  it('deleting a user in a group: user.deleted plus the membership it ended', async () => {
    const user = await createUser({ password: 'Del3te-me-pw!' });
    const group = await createGroup('Ops', [user.id]);
    const events = await eventsOf(() => t.http.delete(`/scim/v2/Users/${user.id}`).set(scim()).expect(204));
    expect(events.map((e) => [e.action, e.resource_id]).sort()).toEqual([['group.members.removed', group.id], ['user.deleted', user.id]]);
    const removal = events.find((e) => e.action === 'group.members.removed')!;
    expect(removal.changes).toEqual([expect.objectContaining({ path: member(user.id), op: 'remove' })]);
    expect(JSON.stringify(events)).not.toContain('Del3te-me-pw!');
  });

  it('a PATCH that changes nothing writes no event (nothing changed, nothing to prove)', async () => {
    const user = await createUser();
    const events = await eventsOf(() =>
      t.http.patch(`/scim/v2/Users/${user.id}`).set(scim()).send({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'name.givenName', value: 'Barbara' }] }).expect(200),
    );
    expect(events).toEqual([]);
  });
});
