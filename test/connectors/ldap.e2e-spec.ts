import type { INestApplicationContext } from '@nestjs/common';
import { Attribute, Change } from 'ldapts';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, patchOp, scim } from '../scim/scim-test-client';
import { addMembers, getConnector, ScimResource, settled } from './support/connector-helpers';
import { LDAP_TEST_ENV, ldapConnector, memberDns, values } from './support/ldap-helpers';
import { TestSlapd } from './support/test-slapd';

const PASSWORD = 'Corr3ct-Horse-Battery';
/** Each test walks several syncs end to end; on a busy shared machine that takes longer than Jest's 30 s default. */
const LONG = 120_000;

/** Tenant A provisions (in Entra's request shapes) into a real slapd through an ldap connector (openldap preset). */
describe('LDAP connector into OpenLDAP', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let slapd: TestSlapd;

  beforeAll(async () => {
    slapd = await TestSlapd.start();
    t = await startTestApp(LDAP_TEST_ENV);
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await slapd?.stop();
  });

  const setup = (extra: Record<string, unknown> = {}) => ldapConnector(t, slapd, extra);

  async function createUser(tenant: TestTenant, overrides: Record<string, unknown> = {}): Promise<ScimResource> {
    return (await scim(t, tenant).post('/Users', buildScimUser(overrides)).expect(201)).body;
  }

  const one = async (base: string, filter: string) => (await slapd.search(base, filter))[0];
  const userEntry = (usersDn: string, userName: string) => one(usersDn, `(uid=${userName})`);
  const members = (groupsDn: string, cn: string) => memberDns(slapd, groupsDn, cn);

  it('creates, updates, renames, deactivates, reactivates and deletes users as inetOrgPerson entries', async () => {
    const { a, connector, usersDn, groupsDn } = await setup();
    const boss = await createUser(a, { userName: `${uniqueName('boss')}@example.com` });
    await waitFor(async () => (await userEntry(usersDn, boss.userName!)) !== undefined, 20000, 'the manager in LDAP');
    const userName = `${uniqueName('alice')}@example.com`;
    const alice = await createUser(a, {
      userName, password: PASSWORD, displayName: 'Alice Liddell', title: 'Engineer',
      name: { givenName: 'Alice', familyName: 'Liddell' }, phoneNumbers: [{ value: '+1 555 0100', type: 'work', primary: true }],
      [ENTERPRISE]: { employeeNumber: '701', department: 'R&D', manager: { value: boss.id } },
    });
    // The password is set right after the add, in a modify of its own.
    await waitFor(async () => (await userEntry(usersDn, userName))?.userPassword !== undefined, 20000, 'alice in LDAP with her password');
    const created = (await userEntry(usersDn, userName))!;
    const bossDn = (await userEntry(usersDn, boss.userName!))!.dn;
    expect(created).toEqual(expect.objectContaining({
      dn: `uid=${userName},${usersDn}`, cn: 'Alice Liddell', sn: 'Liddell', givenName: 'Alice', displayName: 'Alice Liddell', mail: userName,
      telephoneNumber: '+1 555 0100', title: 'Engineer', employeeNumber: '701', departmentNumber: 'R&D', manager: bossDn,
    }));
    // The SCIM password reached the entry as our argon2id hash, which slapd verifies on bind.
    expect(String(created.userPassword)).toMatch(/^\{ARGON2\}\$argon2id\$/);
    expect(await slapd.canBind(created.dn, PASSWORD)).toBe(true);
    const uuid = created.entryUUID;

    // A group with alice, then a rename: the entry moves, keeps its entryUUID and its membership.
    const groupName = uniqueName('Engineering');
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName, members: [{ value: alice.id }] }).expect(201);
    await waitFor(async () => (await members(groupsDn, groupName)).length === 1, 20000, 'the group with alice');
    const renamed = `${uniqueName('alice-renamed')}@example.com`;
    await scim(t, a).patch(`/Users/${alice.id}`, patchOp({ op: 'Replace', path: 'userName', value: renamed }, { op: 'Replace', path: 'title', value: 'Lead' })).expect(200);
    await waitFor(async () => (await userEntry(usersDn, renamed))?.title === 'Lead', 20000, 'the renamed entry');
    const moved = (await userEntry(usersDn, renamed))!;
    expect(moved.entryUUID).toBe(uuid);
    expect(await userEntry(usersDn, userName)).toBeUndefined();
    expect(await members(groupsDn, groupName)).toEqual([moved.dn]);

    // Entra's deactivation (string "False") locks the account through ppolicy; reactivation unlocks it.
    await scim(t, a).patch(`/Users/${alice.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    await waitFor(async () => (await userEntry(usersDn, renamed))?.pwdAccountLockedTime === '000001010000Z', 20000, 'the lock');
    expect(await slapd.canBind(moved.dn, PASSWORD)).toBe(false);
    await scim(t, a).patch(`/Users/${alice.id}`, patchOp({ op: 'Replace', path: 'active', value: 'True' })).expect(200);
    // ldapts lists a requested attribute the entry lacks as [].
    await waitFor(async () => values((await userEntry(usersDn, renamed))?.pwdAccountLockedTime).length === 0, 20000, 'the unlock');
    expect(await slapd.canBind(moved.dn, PASSWORD)).toBe(true);

    // Delete (the tenant's default policy is hard-delete): the entry goes, and with it its membership.
    await scim(t, a).delete(`/Users/${alice.id}`).expect(204);
    await waitFor(async () => (await userEntry(usersDn, renamed)) === undefined, 20000, 'the entry deleted');
    await waitFor(async () => (await members(groupsDn, groupName)).length === 0, 20000, 'the membership gone');

    const state = await settled(t, a.id, connector.id, 8);
    expect(state.sync).toEqual(expect.objectContaining({ pending: 0, dead: 0, lastError: null, mapped: { users: 1, groups: 1 } }));
  }, LONG);

  it("follows the tenant's soft-delete policy: a deleted user's entry stays, locked and out of its groups", async () => {
    const { a, connector, usersDn, groupsDn } = await setup();
    await t.http.patch(`/admin/v1/tenants/${a.id}`).auth(t.adminToken, { type: 'bearer' }).send({ settings: { deprovisioning: { onDelete: 'soft-delete' } } }).expect(200);
    const user = await createUser(a, { password: PASSWORD });
    const displayName = uniqueName('Kept');
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: user.id }] }).expect(201);
    await waitFor(async () => (await members(groupsDn, displayName)).length === 1, 20000, 'the membership');
    await scim(t, a).delete(`/Users/${user.id}`).expect(204);
    await waitFor(async () => (await userEntry(usersDn, user.userName!))?.pwdAccountLockedTime === '000001010000Z', 20000, 'the entry locked');
    await waitFor(async () => (await members(groupsDn, displayName)).length === 0, 20000, 'the membership gone');
    expect(await slapd.canBind(`uid=${user.userName},${usersDn}`, PASSWORD)).toBe(false);
    expect((await settled(t, a.id, connector.id, 4)).sync).toEqual(expect.objectContaining({ dead: 0, mapped: { users: 0, groups: 1 } }));
  }, LONG);

  it('creates a group with members, adds a batch, removes one, renames and deletes it', async () => {
    const { a, connector, usersDn, groupsDn } = await setup();
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser(a)));
    const displayName = uniqueName('Ops');
    const group: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: users[0].id }] }).expect(201)).body;
    await scim(t, a).patch(`/Groups/${group.id}`, addMembers(users.slice(1).map((u) => u.id))).expect(204);
    const dnOf = (u: ScimResource) => `uid=${u.userName},${usersDn}`;
    await waitFor(async () => (await members(groupsDn, displayName)).length === 5, 20000, 'five members');
    expect(await members(groupsDn, displayName)).toEqual(users.map(dnOf).sort());
    expect((await one(groupsDn, `(cn=${displayName})`)).objectClass).toEqual('groupOfNames');

    // Someone removed two members by hand already; removing one of them (and a third) is still one batch, no error.
    const groupDn = `cn=${displayName},${groupsDn}`;
    await slapd.admin((client) => client.modify(groupDn, [
      new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [dnOf(users[2]), dnOf(users[3])] }) }),
    ]));
    await scim(t, a).patch(`/Groups/${group.id}`, patchOp(
      { op: 'Remove', path: `members[value eq "${users[2].id}"]` }, { op: 'Remove', path: `members[value eq "${users[4].id}"]` },
    )).expect(204);
    await waitFor(async () => (await members(groupsDn, displayName)).length === 2, 20000, 'members removed');
    expect(await members(groupsDn, displayName)).toEqual([dnOf(users[0]), dnOf(users[1])].sort());

    const renamed = uniqueName('Operations');
    await scim(t, a).patch(`/Groups/${group.id}`, patchOp({ op: 'Replace', path: 'displayName', value: renamed })).expect(204);
    await waitFor(async () => (await members(groupsDn, renamed)).length === 2, 20000, 'the renamed group with its members');
    expect(await one(groupsDn, `(cn=${displayName})`)).toBeUndefined();

    await scim(t, a).delete(`/Groups/${group.id}`).expect(204);
    await waitFor(async () => (await one(groupsDn, `(cn=${renamed})`)) === undefined, 20000, 'the group deleted');
    expect((await settled(t, a.id, connector.id, 10)).sync.dead).toBe(0);
  }, LONG);

  it('records an entry the directory refuses with its LDAP result code, and carries on with the others', async () => {
    // A mapping to an attribute the schema does not know: every user add is refused with 17 undefinedAttributeType.
    const { a, connector, usersDn, groupsDn } = await setup({ mapping: { favouriteColour: 'nickName' } });
    const refused = await createUser(a, { nickName: 'blue' });
    const displayName = uniqueName('Fine');
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName }).expect(201);
    await waitFor(async () => (await one(groupsDn, `(cn=${displayName})`)) !== undefined, 20000, 'the group in LDAP');
    const state = await settled(t, a.id, connector.id, 2);
    expect(state.sync).toEqual(expect.objectContaining({ dead: 1, succeeded: 1 }));
    expect(state.sync.lastError).toContain(`LDAP add uid=${refused.userName},${usersDn}: 17 undefinedAttributeType`);
  }, LONG);

  it('rides out a directory outage mid-sync: nothing is lost, everything arrives once it is back', async () => {
    const { a, connector, usersDn, groupsDn } = await setup();
    const first = await createUser(a);
    await waitFor(async () => (await userEntry(usersDn, first.userName!)) !== undefined, 20000, 'the first user');

    await slapd.pause();
    try {
      const during = await Promise.all([createUser(a), createUser(a)]);
      const displayName = uniqueName('Outage');
      await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: during.map((u) => ({ value: u.id })) }).expect(201);
      await scim(t, a).patch(`/Users/${first.id}`, patchOp({ op: 'Replace', path: 'title', value: 'Written while down' })).expect(200);
      await waitFor(async () => (await getConnector(t, a.id, connector.id)).sync.retrying > 0, 20000, 'syncs retrying');
      expect((await getConnector(t, a.id, connector.id)).sync.lastError).toMatch(/^LDAP /);

      await slapd.resume();
      await waitFor(async () => (await members(groupsDn, displayName)).length === 2, 30000, 'the group with both members after the outage');
      await waitFor(async () => (await userEntry(usersDn, first.userName!))!.title === 'Written while down', 30000, 'the change written while down');
      for (const user of during) expect(await userEntry(usersDn, user.userName!)).toBeDefined();
      expect((await settled(t, a.id, connector.id, 6)).sync).toEqual(expect.objectContaining({ dead: 0, pending: 0 }));
    } finally {
      await slapd.resume().catch(() => undefined);
    }
  }, LONG);
});
