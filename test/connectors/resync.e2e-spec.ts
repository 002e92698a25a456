import type { INestApplicationContext } from '@nestjs/common';
import { runCli } from '../../scripts/cli';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, patchOp, scim } from '../scim/scim-test-client';
import {
  addMembers, CONNECTOR_TEST_ENV, createConnector, findGroup, findUser, listen, memberIds, ScimResource, settled,
} from './support/connector-helpers';

/** Full resync: the store is made to match tenant A again after it drifted. */
describe('connector resync', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let baseUrl: string;
  const admin = { type: 'bearer' as const };

  beforeAll(async () => {
    t = await startTestApp(CONNECTOR_TEST_ENV);
    baseUrl = await listen(t);
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function resync(tenantId: string, connectorId: string): Promise<{ status: string; summary: Record<string, Record<string, number>> }> {
    const queued = await t.http.post(`/admin/v1/tenants/${tenantId}/connectors/${connectorId}/resync`).auth(t.adminToken, admin).expect(202);
    let body: { status: string; summary: Record<string, Record<string, number>> } | undefined;
    await waitFor(async () => {
      body = (await t.http.get(`/admin/v1/tenants/${tenantId}/connectors/${connectorId}/resyncs/${queued.body.id}`).auth(t.adminToken, admin).expect(200)).body;
      return body!.status === 'succeeded' || body!.status === 'failed';
    }, 20000, 'the resync to finish');
    return body!;
  }

  /** A and B in step: one user, a group with that user, provisioned through the connector. */
  async function provisioned(): Promise<{ a: TestTenant; b: TestTenant; connectorId: string; user: ScimResource; displayName: string }> {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: b.token });
    const user: ScimResource = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body;
    const displayName = uniqueName('Ops');
    const group: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName }).expect(201)).body;
    await scim(t, a).patch(`/Groups/${group.id}`, addMembers([user.id])).expect(204);
    await settled(t, a.id, connector.id, 3);
    expect(memberIds(await findGroup(t, b, displayName))).toHaveLength(1);
    return { a, b, connectorId: connector.id, user, displayName };
  }

  it('puts back a user deleted in B by hand, with its group membership', async () => {
    const { a, b, connectorId, user, displayName } = await provisioned();
    const before = (await findUser(t, b, user.userName!))!;
    await scim(t, b).delete(`/Users/${before.id}`).expect(204);
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([]);

    const done = await resync(a.id, connectorId);
    expect(done.status).toBe('succeeded');
    expect(done.summary).toEqual({ users: { created: 1, replaced: 0, deleted: 0 }, groups: { created: 0, replaced: 1, deleted: 0 }, members: { added: 1, removed: 0 } });
    const after = (await findUser(t, b, user.userName!))!;
    expect(after).toEqual(expect.objectContaining({ externalId: user.id, active: true }));
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([after.id]);
  });

  it('repairs attribute and membership drift; a second resync finds nothing to create, add or remove', async () => {
    const { a, b, connectorId, user, displayName } = await provisioned();
    const bUser = (await findUser(t, b, user.userName!))!;
    const bGroup = (await findGroup(t, b, displayName))!;
    const stranger: ScimResource = (await scim(t, b).post('/Users', buildScimUser()).expect(201)).body;
    await scim(t, b).patch(`/Users/${bUser.id}`, patchOp({ op: 'replace', path: 'active', value: false })).expect(200);
    await scim(t, b).patch(`/Groups/${bGroup.id}`, patchOp({ op: 'replace', path: 'displayName', value: `${displayName} (edited)` })).expect(204);
    await scim(t, b).patch(`/Groups/${bGroup.id}`, addMembers([stranger.id])).expect(204);

    const done = await resync(a.id, connectorId);
    expect(done.summary.members).toEqual({ added: 0, removed: 1 });
    expect((await findUser(t, b, user.userName!))!.active).toBe(true);
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([bUser.id]);
    // Resources of B that A never provisioned are not A's to delete.
    await scim(t, b).get(`/Users/${stranger.id}`).expect(200);

    const again = await resync(a.id, connectorId);
    expect(again.summary).toEqual({ users: { created: 0, replaced: 1, deleted: 0 }, groups: { created: 0, replaced: 1, deleted: 0 }, members: { added: 0, removed: 0 } });
  });

  it('deletes in B what was deleted in A while the connector was disabled', async () => {
    const { a, b, connectorId, user, displayName } = await provisioned();
    const one = `/admin/v1/tenants/${a.id}/connectors/${connectorId}`;
    await t.http.patch(one).auth(t.adminToken, admin).send({ enabled: false }).expect(200);
    await scim(t, a).delete(`/Users/${user.id}`).expect(204);
    const later: ScimResource = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body;
    // Connectors are chosen when an event is fanned out, not when it commits: let both go by while disabled.
    await waitFor(async () => (await t.http.get(`/admin/v1/tenants/${a.id}/events/stats`).auth(t.adminToken, admin).expect(200)).body.outbox.undispatched === 0,
      20000, 'the events to be fanned out');
    await t.http.patch(one).auth(t.adminToken, admin).send({ enabled: true }).expect(200);
    expect(await findUser(t, b, user.userName!)).toBeDefined();

    const done = await resync(a.id, connectorId);
    expect(done.summary.users).toEqual({ created: 1, replaced: 0, deleted: 1 });
    expect(await findUser(t, b, user.userName!)).toBeUndefined();
    expect(await findUser(t, b, later.userName!)).toEqual(expect.objectContaining({ externalId: later.id }));
    expect(memberIds(await findGroup(t, b, displayName))).toEqual([]);
    expect((await t.http.get(one).auth(t.adminToken, admin).expect(200)).body.sync.mapped).toEqual({ users: 1, groups: 1 });
  });

  it('brings an existing tenant into a new store: users with their managers, groups with nested members', async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const manager: ScimResource = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body;
    const employees: ScimResource[] = [];
    for (let i = 0; i < 3; i++) {
      employees.push((await scim(t, a).post('/Users', buildScimUser({ [ENTERPRISE]: { manager: { value: manager.id } } })).expect(201)).body);
    }
    const child: ScimResource = (await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('Child'), members: [{ value: employees[0].id }] }).expect(201)).body;
    const parentName = uniqueName('Parent');
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: parentName, members: [{ value: child.id, type: 'Group' }, { value: manager.id }] }).expect(201);
    // The connector comes after the data, so only the resync can bring it over.
    await waitFor(async () => (await t.http.get(`/admin/v1/tenants/${a.id}/events/stats`).auth(t.adminToken, admin).expect(200)).body.outbox.undispatched === 0,
      20000, 'the events to be fanned out');
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: b.token });

    const done = await resync(a.id, connector.id);
    expect(done.summary).toEqual({ users: { created: 4, replaced: 0, deleted: 0 }, groups: { created: 2, replaced: 0, deleted: 0 }, members: { added: 3, removed: 0 } });
    const bManager = (await findUser(t, b, manager.userName!))!;
    for (const employee of employees) {
      const bEmployee = (await scim(t, b).get(`/Users/${(await findUser(t, b, employee.userName!))!.id}`).expect(200)).body;
      expect(bEmployee[ENTERPRISE].manager).toEqual(expect.objectContaining({ value: bManager.id }));
    }
    const bChild = (await findGroup(t, b, child.displayName!))!;
    expect(memberIds(bChild)).toEqual([(await findUser(t, b, employees[0].userName!))!.id]);
    expect(memberIds(await findGroup(t, b, parentName))).toEqual([bChild.id, bManager.id].sort());
  });

  it('records a failed resync with the reason when the store refuses the token', async () => {
    const a = await createTenant(t);
    await scim(t, a).post('/Users', buildScimUser()).expect(201);
    const connector = await createConnector(t, a.id, { type: 'scim', baseUrl, token: 'scim_wrong' });
    await settled(t, a.id, connector.id, 0);
    const done = await resync(a.id, connector.id);
    expect(done).toEqual(expect.objectContaining({ status: 'failed', summary: null, error: expect.stringMatching(/answered 401/) }));
  });

  it('runs from the CLI: npm run cli -- connector:resync TENANT CONNECTOR_ID', async () => {
    const { a, b, connectorId, user } = await provisioned();
    await scim(t, b).delete(`/Users/${(await findUser(t, b, user.userName!))!.id}`).expect(204);
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    const env = { DATABASE_URL: process.env.DATABASE_URL, OUTBOUND_ALLOWED_HOSTS: process.env.OUTBOUND_ALLOWED_HOSTS };
    Object.assign(process.env, { DATABASE_URL: t.db.url, OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    try {
      await runCli(['connector:resync', a.id, connectorId]);
    } finally {
      spy.mockRestore();
      for (const [key, value] of Object.entries(env)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(lines.join('\n')).toMatch(/summary: +\{"users":\{"created":1,/);
    expect(await findUser(t, b, user.userName!)).toEqual(expect.objectContaining({ externalId: user.id }));
  });
});
