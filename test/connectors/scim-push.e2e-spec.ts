import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, patchOp, scim } from '../scim/scim-test-client';
import {
  addMembers, CONNECTOR_TEST_ENV, createConnector, findGroup, findUser, getConnector, listen, memberIds, removeMember, ScimResource, settled,
} from './support/connector-helpers';

/**
 * Tenant A pushes into tenant B of the same server through a SCIM push connector: what an IdP provisions
 * into A (in Entra's request shapes) must show up in B, ids and memberships translated.
 */
describe('SCIM push connector into a second tenant', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp(CONNECTOR_TEST_ENV);
    baseUrl = await listen(t);
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function pair(): Promise<{ a: TestTenant; b: TestTenant; connectorId: string }> {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: b.token, description: 'tenant B' });
    return { a, b, connectorId: connector.id };
  }

  async function createUser(tenant: TestTenant, overrides: Record<string, unknown> = {}): Promise<ScimResource> {
    return (await scim(t, tenant).post('/Users', buildScimUser(overrides)).expect(201)).body;
  }

  it('provisions users, a group with members, member changes, deactivation and deletion into tenant B', async () => {
    const { a, b, connectorId } = await pair();
    const alice = await createUser(a);
    const bob = await createUser(a);
    const displayName = uniqueName('Engineering');
    const group: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, externalId: uniqueName('ext'), members: [] }).expect(201)).body;
    await scim(t, a).patch(`/Groups/${group.id}`, addMembers([alice.id, bob.id])).expect(204);

    // Both members arrive in B's group, under B's ids.
    let bAlice: ScimResource | undefined;
    let bBob: ScimResource | undefined;
    await waitFor(async () => {
      bAlice = await findUser(t, b, alice.userName!);
      bBob = await findUser(t, b, bob.userName!);
      return memberIds(await findGroup(t, b, displayName)).length === 2;
    }, 20000, 'the group with two members in B');
    expect(bAlice).toEqual(expect.objectContaining({ externalId: alice.id, active: true }));
    expect(bAlice!.id).not.toBe(alice.id);
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([bAlice!.id, bBob!.id].sort());

    // Entra's remove form, then its deactivation (string "False") and a delete.
    await scim(t, a).patch(`/Groups/${group.id}`, removeMember(bob.id)).expect(204);
    await scim(t, a).patch(`/Users/${alice.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    await scim(t, a).delete(`/Users/${bob.id}`).expect(204);

    await waitFor(async () => (await findUser(t, b, bob.userName!)) === undefined && (await findUser(t, b, alice.userName!))?.active === false,
      20000, 'bob deleted and alice deactivated in B');
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([bAlice!.id]);
    expect((await findGroup(t, b, displayName))!.externalId).toBe(group.id);

    // users: 2 created, 1 deactivated, 1 deleted; group: created, members added, member removed
    const state = await settled(t, a.id, connectorId, 7);
    expect(state.sync.succeeded).toBe(7);
    expect(state.sync).toEqual(expect.objectContaining({ pending: 0, dead: 0, lastError: null, mapped: { users: 1, groups: 1 } }));
    expect(state.sync.lastSuccessAt).not.toBeNull();
  });

  it('translates nested group members and the enterprise manager into B ids', async () => {
    const { a, b } = await pair();
    const manager = await createUser(a);
    await waitFor(async () => (await findUser(t, b, manager.userName!)) !== undefined, 20000, 'the manager in B');
    const employee = await createUser(a, { [ENTERPRISE]: { department: 'R&D', manager: { value: manager.id } } });
    const child: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('Child') }).expect(201)).body;
    const parentName = uniqueName('Parent');
    // Okta's shape: members in the create itself, here one user and one nested group.
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: parentName, members: [{ value: employee.id }, { value: child.id, type: 'Group' }] }).expect(201);

    await waitFor(async () => memberIds(await findGroup(t, b, parentName)).length === 2, 20000, 'the parent group with both members in B');
    const bEmployee = (await findUser(t, b, employee.userName!))!;
    const bManager = (await findUser(t, b, manager.userName!))!;
    const bChild = (await findGroup(t, b, child.displayName!))!;
    expect((await findGroup(t, b, parentName))!.members).toEqual(expect.arrayContaining([
      expect.objectContaining({ value: bEmployee.id, type: 'User' }), expect.objectContaining({ value: bChild.id, type: 'Group' }),
    ]));
    const enterprise = (await scim(t, b).get(`/Users/${bEmployee.id}`).expect(200)).body[ENTERPRISE];
    expect(enterprise).toEqual(expect.objectContaining({ department: 'R&D', manager: expect.objectContaining({ value: bManager.id }) }));
  });

  it('links a group that already exists in B by displayName (409 on create)', async () => {
    const { a, b, connectorId } = await pair();
    const displayName = uniqueName('Shared');
    const existing: ScimResource = (await scim(t, b).post('/Groups', { schemas: [GROUP_SCHEMA], displayName }).expect(201)).body;
    const ours: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName }).expect(201)).body;
    await waitFor(async () => (await findGroup(t, b, displayName))?.externalId === ours.id, 20000, 'the existing group linked');
    expect((await findGroup(t, b, displayName))!.id).toBe(existing.id);
    expect((await settled(t, a.id, connectorId, 1)).sync.mapped.groups).toBe(1);
  });

  it('provisions a SCIM Bulk request into B: one event per operation, bulkId members translated', async () => {
    const { a, b, connectorId } = await pair();
    const [u1, u2] = [buildScimUser(), buildScimUser()];
    const groupName = uniqueName('Bulk');
    const res = await scim(t, a).post('/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP_SCHEMA], displayName: groupName, members: [{ value: 'bulkId:u1' }, { value: 'bulkId:u2' }] } },
        { method: 'POST', path: '/Users', bulkId: 'u1', data: u1 },
        { method: 'POST', path: '/Users', bulkId: 'u2', data: u2 },
      ],
    }).expect(200);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['201', '201', '201']);
    await waitFor(async () => memberIds(await findGroup(t, b, groupName)).length === 2, 20000, 'the bulk group with both members in B');
    const expected = [(await findUser(t, b, u1.userName as string))!.id, (await findUser(t, b, u2.userName as string))!.id].sort();
    expect(memberIds(await findGroup(t, b, groupName))).toEqual(expected);
    // users and group created, members added: each applied once, no duplicates in B
    expect((await settled(t, a.id, connectorId, 4)).sync).toEqual(expect.objectContaining({ succeeded: 4, dead: 0, mapped: { users: 2, groups: 1 } }));
  });

  it('carries a userName change and a reactivation to the same account in B', async () => {
    const { a, b } = await pair();
    const user = await createUser(a);
    await waitFor(async () => (await findUser(t, b, user.userName!)) !== undefined, 20000, 'the user in B');
    const bId = (await findUser(t, b, user.userName!))!.id;
    const renamed = `renamed-${user.userName}`;
    await scim(t, a).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    await scim(t, a).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'userName', value: renamed }, { op: 'Replace', path: 'active', value: 'True' })).expect(200);
    await waitFor(async () => (await findUser(t, b, renamed))?.active === true, 20000, 'the renamed, active user in B');
    expect((await findUser(t, b, renamed))!.id).toBe(bId);
    expect(await findUser(t, b, user.userName!)).toBeUndefined();
  });

  it('deactivating a user the store lost provisions it again, inactive', async () => {
    const { a, b } = await pair();
    const user = await createUser(a);
    await waitFor(async () => (await findUser(t, b, user.userName!)) !== undefined, 20000, 'the user in B');
    await scim(t, b).delete(`/Users/${(await findUser(t, b, user.userName!))!.id}`).expect(204);
    await scim(t, a).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    await waitFor(async () => (await findUser(t, b, user.userName!))?.active === false, 20000, 'the user back in B, inactive');
    expect((await findUser(t, b, user.userName!))!.externalId).toBe(user.id);
  });

  it('renames and deletes a group in B when it changes in A', async () => {
    const { a, b, connectorId } = await pair();
    const displayName = uniqueName('Sales');
    const group: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName }).expect(201)).body;
    await scim(t, a).patch(`/Groups/${group.id}`, patchOp({ op: 'Replace', path: 'displayName', value: `${displayName} EMEA` })).expect(204);
    await waitFor(async () => (await findGroup(t, b, `${displayName} EMEA`)) !== undefined, 20000, 'the renamed group in B');
    await scim(t, a).delete(`/Groups/${group.id}`).expect(204);
    await waitFor(async () => (await findGroup(t, b, `${displayName} EMEA`)) === undefined, 20000, 'the group gone from B');
    expect((await settled(t, a.id, connectorId, 3)).sync.mapped).toEqual({ users: 0, groups: 0 });
  });

  it('links a user that already exists in B (409 on create) instead of duplicating it', async () => {
    const { a, b, connectorId } = await pair();
    const userName = `${uniqueName('preexisting')}@example.com`;
    const existing = await createUser(b, { userName, title: 'before' });
    const ours = await createUser(a, { userName: userName.toUpperCase(), title: 'after' });
    await waitFor(async () => (await findUser(t, b, userName))?.externalId === ours.id, 20000, 'the existing user linked and updated');
    const res = await scim(t, b).get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`).expect(200);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0]).toEqual(expect.objectContaining({ id: existing.id, title: 'after' }));
    expect((await settled(t, a.id, connectorId, 1)).sync.mapped.users).toBe(1);
  });

  it('marks syncs dead with the reason when the store refuses the token, and shows it in the sync state', async () => {
    const a = await createTenant(t);
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: 'scim_not-a-valid-token' });
    await createUser(a);
    const state = await settled(t, a.id, connector.id, 1);
    expect(state.sync).toEqual(expect.objectContaining({ dead: 1, pending: 0, mapped: { users: 0, groups: 0 } }));
    expect(state.sync.lastError).toMatch(/POST \/Users answered 401/);
    expect(state.sync.lastFailureAt).not.toBeNull();
  });

  it("never sends another tenant's changes through a tenant's connector", async () => {
    const { a, b, connectorId } = await pair();
    const stranger = await createTenant(t);
    const theirs = await createUser(stranger);
    const ours = await createUser(a);
    await waitFor(async () => (await findUser(t, b, ours.userName!)) !== undefined, 20000, 'our user in B');
    await waitFor(async () => (await t.http.get(`/admin/v1/tenants/${stranger.id}/events/stats`).auth(t.adminToken, { type: 'bearer' }).expect(200)).body.outbox.undispatched === 0,
      20000, "the other tenant's events to be fanned out");
    expect(await findUser(t, b, theirs.userName!)).toBeUndefined();
    expect((await settled(t, a.id, connectorId, 1)).sync).toEqual(expect.objectContaining({ succeeded: 1, mapped: { users: 1, groups: 0 } }));
  });

  it('applies nothing while disabled', async () => {
    const { a, b, connectorId } = await pair();
    await t.http.patch(`/admin/v1/tenants/${a.id}/connectors/${connectorId}`).auth(t.adminToken, { type: 'bearer' }).send({ enabled: false }).expect(200);
    // A second, enabled connector into tenant C proves the event was fanned out while the first was disabled.
    const c = await createTenant(t);
    await createConnector(t, a.id, { type: 'scim', baseUrl, token: c.token });
    const user = await createUser(a);
    await waitFor(async () => (await findUser(t, c, user.userName!)) !== undefined, 20000, 'the user via the enabled connector');
    expect((await getConnector(t, a.id, connectorId)).sync).toEqual(expect.objectContaining({ pending: 0, succeeded: 0, dead: 0 }));
    expect(await findUser(t, b, user.userName!)).toBeUndefined();
  });
});
