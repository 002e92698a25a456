import { Client } from 'pg';
import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { GROUP_SCHEMA, LIST_RESPONSE, patchOp, scim } from './scim-test-client';

const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

describe('SCIM /Groups', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const createUsers = async (n: number, target = tenant): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await scim(t, target).post('/Users', buildScimUser()).expect(201)).body.id);
    return ids;
  };
  const createGroup = async (extra: object = {}, target = tenant) =>
    (await scim(t, target).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('group'), ...extra }).expect(201)).body;
  const memberIds = async (groupId: string) =>
    ((await scim(t, tenant).get(`/Groups/${groupId}`).expect(200)).body.members ?? []).map((m: { value: string }) => m.value).sort();

  it('creates a group in Entra\'s shape (ADSCIM schema URI, externalId, meta.resourceType) with empty members', async () => {
    const body = { schemas: [GROUP_SCHEMA, ADSCIM_GROUP], externalId: uniqueName('ext'), displayName: uniqueName('Group'), meta: { resourceType: 'Group' } };
    const res = await scim(t, tenant).post('/Groups', body).expect(201);
    expect(res.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: body.displayName, externalId: body.externalId, meta: { resourceType: 'Group', version: 'W/"1"' } });
    expect(res.body.members).toBeUndefined();
    expect(res.headers.location).toBe(res.body.meta.location);
  });

  it('creates a group with members (Okta group push) and renders them with $ref, type and display', async () => {
    const [a, b] = await createUsers(2);
    const group = await createGroup({ members: [{ value: a, display: 'A' }, { value: b }] });
    expect(group.members.map((m: { value: string }) => m.value).sort()).toEqual([a, b].sort());
    expect(group.members[0]).toMatchObject({ type: 'User', $ref: expect.stringMatching(/\/scim\/v2\/Users\//), display: expect.any(String) });
  });

  it('adds members in Entra\'s form, removes them with Entra\'s value list and Okta\'s filter, answering 204', async () => {
    const [a, b, c] = await createUsers(3);
    const group = await createGroup();
    const add = await scim(t, tenant)
      .patch(`/Groups/${group.id}`, patchOp({ op: 'Add', path: 'members', value: [{ $ref: null, value: a }, { $ref: null, value: b }, { $ref: null, value: c }] }))
      .expect(204);
    expect(add.headers.etag).toBe('W/"2"');
    expect(await memberIds(group.id)).toEqual([a, b, c].sort());
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: a }] })).expect(204);
    expect(await memberIds(group.id)).toEqual([b, c].sort());
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'remove', path: `members[value eq "${b}"]` })).expect(204);
    expect(await memberIds(group.id)).toEqual([c]);
  });

  it('renames and changes membership in one Okta PATCH (id repeated in the value) and answers 200 when attributes are asked for', async () => {
    const [a, b] = await createUsers(2);
    const group = await createGroup({ members: [{ value: a }] });
    const name = uniqueName('renamed');
    const res = await scim(t, tenant)
      .patch(
        `/Groups/${group.id}?excludedAttributes=members`,
        patchOp(
          { op: 'replace', value: { id: group.id, displayName: name } },
          { op: 'remove', path: `members[value eq "${a}"]` },
          { op: 'add', path: 'members', value: [{ value: b, display: 'B' }] },
        ),
      )
      .expect(200);
    expect(res.body).toMatchObject({ id: group.id, displayName: name });
    expect(res.body.members).toBeUndefined();
    expect(await memberIds(group.id)).toEqual([b]);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'replace', value: { id: 'another-id', displayName: 'x' } })).expect(400);
  });

  it('replaces all members with Okta\'s full push and with PUT', async () => {
    const [a, b, c] = await createUsers(3);
    const group = await createGroup({ members: [{ value: a }, { value: b }] });
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'replace', path: 'members', value: [{ value: b }, { value: c }] })).expect(204);
    expect(await memberIds(group.id)).toEqual([b, c].sort());
    const put = await scim(t, tenant).put(`/Groups/${group.id}`, { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: [{ value: a }] }).expect(200);
    expect(put.body.members.map((m: { value: string }) => m.value)).toEqual([a]);
    await scim(t, tenant).put(`/Groups/${group.id}`, { schemas: [GROUP_SCHEMA], displayName: group.displayName }).expect(200);
    expect(await memberIds(group.id)).toEqual([a]);
  });

  it('rejects an unknown member with 400 invalidValue and changes nothing', async () => {
    const [a] = await createUsers(1);
    const group = await createGroup();
    const res = await scim(t, tenant)
      .patch(`/Groups/${group.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: a }, { value: '6b4c7d8e-0000-4000-8000-000000000000' }] }))
      .expect(400);
    expect(res.body.scimType).toBe('invalidValue');
    expect(await memberIds(group.id)).toEqual([]);
    expect((await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.meta.version).toBe('W/"1"');
  });

  it('answers 409 uniqueness for a second group with the same displayName in any case', async () => {
    const group = await createGroup();
    const res = await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: group.displayName.toUpperCase() }).expect(409);
    expect(res.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const other = await createGroup();
    await scim(t, tenant).patch(`/Groups/${other.id}`, patchOp({ op: 'Replace', path: 'displayName', value: group.displayName })).expect(409);
  });

  it('finds groups by displayName with excludedAttributes=members without reading scim_group_members', async () => {
    const [a] = await createUsers(1);
    const group = await createGroup({ members: [{ value: a }] });
    const locker = new Client({ connectionString: t.db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE scim_group_members IN ACCESS EXCLUSIVE MODE');
      const filter = encodeURIComponent(`displayName eq "${group.displayName}"`);
      const list = await scim(t, tenant).get(`/Groups?excludedAttributes=members&filter=${filter}`).timeout(3000).expect(200);
      expect(list.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 1 });
      expect(list.body.Resources[0].members).toBeUndefined();
      const one = await scim(t, tenant).get(`/Groups/${group.id}?excludedAttributes=members`).timeout(3000).expect(200);
      expect(one.body).toMatchObject({ id: group.id, displayName: group.displayName });
      await expect(scim(t, tenant).get(`/Groups/${group.id}`).timeout(1000)).rejects.toThrow(/timeout/i);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('renders User.groups and drops memberships when the user is deleted', async () => {
    const [a] = await createUsers(1);
    const group = await createGroup({ members: [{ value: a }] });
    const user = await scim(t, tenant).get(`/Users/${a}`).expect(200);
    expect(user.body.groups).toEqual([{ value: group.id, $ref: expect.stringMatching(`/Groups/${group.id}$`), display: group.displayName, type: 'direct' }]);
    await scim(t, tenant).delete(`/Users/${a}`).expect(204);
    expect(await memberIds(group.id)).toEqual([]);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM scim_group_members WHERE member_id = $1`, [a]);
    expect(rows[0].n).toBe(0);
  });

  it('adds and removes 100 members with one statement each, whatever the group size', async () => {
    const group = await createGroup();
    const ids = (await t.dataSource.query(
      `INSERT INTO scim_users (tenant_id, user_name, resource) SELECT $1, 'bulk-' || g || '-' || $2, '{}'::jsonb FROM generate_series(1, 100) g RETURNING id`,
      [tenant.id, uniqueName('u')],
    )).map((row: { id: string }) => row.id);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'add', path: 'members', value: ids.map((value: string) => ({ value })) })).expect(204);
    expect((await memberIds(group.id)).length).toBe(100);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'remove', path: 'members', value: ids.slice(0, 60).map((value: string) => ({ value })) })).expect(204);
    expect((await memberIds(group.id)).length).toBe(40);
  });

  it('deletes a group (204, then 404) and keeps other tenants out on every verb', async () => {
    const group = await createGroup();
    const other = await createTenant(t);
    const intruder = scim(t, other);
    await intruder.get(`/Groups/${group.id}`).expect(404);
    await intruder.put(`/Groups/${group.id}`, { schemas: [GROUP_SCHEMA], displayName: 'x' }).expect(404);
    await intruder.patch(`/Groups/${group.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'x' })).expect(404);
    await intruder.delete(`/Groups/${group.id}`).expect(404);
    const [foreignUser] = await createUsers(1, other);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: foreignUser }] })).expect(400);
    await scim(t, tenant).delete(`/Groups/${group.id}`).expect(204);
    await scim(t, tenant).get(`/Groups/${group.id}`).expect(404);
  });
});
