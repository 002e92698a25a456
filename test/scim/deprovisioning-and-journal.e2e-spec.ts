import { AuditSealer } from '@provisio/audit';
import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { GROUP_SCHEMA, patchOp, scim } from './scim-test-client';

describe('SCIM deprovisioning policy, audit and outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const tenantWith = async (deprovisioning: object): Promise<TestTenant> => {
    const tenant = await createTenant(t);
    await t.http.patch(`/admin/v1/tenants/${tenant.id}`).auth(t.adminToken, { type: 'bearer' }).send({ settings: { deprovisioning } }).expect(200);
    return tenant;
  };
  const userRow = async (id: string) => (await t.dataSource.query(`SELECT active, deleted_at FROM scim_users WHERE id = $1`, [id]))[0];
  const events = async (tenantId: string, resourceId: string) =>
    (await t.dataSource.query(`SELECT type FROM outbox_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY position`, [tenantId, resourceId])).map(
      (row: { type: string }) => row.type,
    );
  /** In chain order: seals what has committed first, as every audit read does. */
  const audits = async (tenantId: string, resourceId: string) => {
    await t.app.get(AuditSealer, { strict: false }).seal(tenantId, { wait: true });
    return (await t.dataSource.query(`SELECT action, outcome FROM audit_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY sequence`, [tenantId, resourceId])).map(
      (row: { action: string; outcome: string }) => `${row.action}:${row.outcome}`,
    );
  };
  const userInGroup = async (tenant: TestTenant) => {
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    const group = (await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('g'), members: [{ value: user.id }] }).expect(201)).body;
    return { user, group };
  };

  it('keep: active=false leaves the user visible to GET and to its userName filter, and reactivation works', async () => {
    const tenant = await tenantWith({ onDeactivate: 'keep' });
    const { user, group } = await userInGroup(tenant);
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    expect((await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body.active).toBe(false);
    const found = await scim(t, tenant).get(`/Users?filter=userName+eq+"${user.userName}"`).expect(200);
    expect(found.body.Resources[0]).toMatchObject({ id: user.id, active: false });
    expect((await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.members).toHaveLength(1);
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: true } })).expect(200);
    expect(await events(tenant.id, user.id)).toEqual(['user.created', 'user.deactivated', 'user.reactivated']);
    expect(await audits(tenant.id, user.id)).toEqual(['user.created:success', 'user.deactivated:success', 'user.reactivated:success']);
  });

  it('soft-delete on deactivate: the user disappears, its memberships go, its userName is released', async () => {
    const tenant = await tenantWith({ onDeactivate: 'soft-delete' });
    const { user, group } = await userInGroup(tenant);
    const res = await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'active', value: false })).expect(200);
    expect(res.body.active).toBe(false);
    await scim(t, tenant).get(`/Users/${user.id}`).expect(404);
    expect(await userRow(user.id)).toMatchObject({ active: false, deleted_at: expect.any(Date) });
    expect((await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.members).toBeUndefined();
    await scim(t, tenant).post('/Users', buildScimUser({ userName: user.userName })).expect(201);
    expect(await events(tenant.id, user.id)).toEqual(['user.created', 'user.deactivated', 'user.deleted']);
    expect(await events(tenant.id, group.id)).toEqual(['group.created', 'group.members.added', 'group.members.removed']);
  });

  it('hard-delete on deactivate removes the row', async () => {
    const tenant = await tenantWith({ onDeactivate: 'hard-delete' });
    const { user } = await userInGroup(tenant);
    await scim(t, tenant).put(`/Users/${user.id}`, { ...user, active: false }).expect(200);
    expect(await userRow(user.id)).toBeUndefined();
    await scim(t, tenant).get(`/Users/${user.id}`).expect(404);
  });

  it('DELETE soft-deletes or hard-deletes as configured; either way 404 afterwards and the userName is free', async () => {
    const soft = await tenantWith({ onDelete: 'soft-delete' });
    const { user } = await userInGroup(soft);
    await scim(t, soft).delete(`/Users/${user.id}`).expect(204);
    await scim(t, soft).get(`/Users/${user.id}`).expect(404);
    await scim(t, soft).delete(`/Users/${user.id}`).expect(404);
    await scim(t, soft).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'x' })).expect(404);
    expect((await userRow(user.id)).deleted_at).toBeInstanceOf(Date);
    expect((await scim(t, soft).get(`/Users?filter=userName+eq+"${user.userName}"`).expect(200)).body.totalResults).toBe(0);
    await scim(t, soft).post('/Users', buildScimUser({ userName: user.userName })).expect(201);

    const hard = await tenantWith({ onDelete: 'hard-delete' });
    const other = (await scim(t, hard).post('/Users', buildScimUser()).expect(201)).body;
    await scim(t, hard).delete(`/Users/${other.id}`).expect(204);
    expect(await userRow(other.id)).toBeUndefined();
    expect(await events(hard.id, other.id)).toEqual(['user.created', 'user.deleted']);
  });

  it('writes nothing — no row, no event, no audit success — when a write fails, and audits the rejection', async () => {
    const tenant = await createTenant(t);
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'active', value: 'maybe' })).expect(400);
    expect(await events(tenant.id, user.id)).toEqual(['user.created']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await audits(tenant.id, user.id)).toEqual(['user.created:success', 'user.updated:failure']);
  });

  it('records one event per logical change of a group PATCH', async () => {
    const tenant = await createTenant(t);
    const { user, group } = await userInGroup(tenant);
    const second = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    await scim(t, tenant)
      .patch(`/Groups/${group.id}`, patchOp({ op: 'replace', path: 'displayName', value: uniqueName('renamed') }, { op: 'add', path: 'members', value: [{ value: second.id }] }, { op: 'remove', path: `members[value eq "${user.id}"]` }))
      .expect(204);
    expect(await events(tenant.id, group.id)).toEqual(['group.created', 'group.members.added', 'group.updated', 'group.members.removed', 'group.members.added']);
    const [added] = await t.dataSource.query(`SELECT members, resource FROM outbox_events WHERE resource_id = $1 AND type = 'group.members.added' ORDER BY position DESC LIMIT 1`, [group.id]);
    expect(added).toEqual({ members: [{ value: second.id, type: 'User' }], resource: null });
    const [created] = await t.dataSource.query(`SELECT resource FROM outbox_events WHERE resource_id = $1 AND type = 'user.created'`, [user.id]);
    expect(created.resource).toMatchObject({ id: user.id, userName: user.userName });
    expect(JSON.stringify(created.resource)).not.toContain('password');
  });
});
