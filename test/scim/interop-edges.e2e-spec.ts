import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, ERROR_SCHEMA, GROUP_SCHEMA, patchOp, PATCH_OP, scim, USER_SCHEMA } from './scim-test-client';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const MANAGER = `${ENTERPRISE}:manager`;

/** Edges the IdPs and RFC 7644 rely on that the per-feature specs do not cover. */
describe('SCIM interoperability edges', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    other = await createTenant(t);
  });
  afterAll(() => t.close());

  const createUser = async (overrides: Record<string, unknown> = {}, owner = tenant) => (await scim(t, owner).post('/Users', buildScimUser(overrides)).expect(201)).body;
  const createGroup = async (extra: object = {}, owner = tenant) =>
    (await scim(t, owner).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('group'), ...extra }).expect(201)).body;

  describe('tenant isolation inside Bulk', () => {
    it('answers 404 per operation for another tenant\'s user and group ids and changes nothing', async () => {
      const user = await createUser();
      const group = await createGroup({ members: [{ value: user.id }] });
      const res = await scim(t, other)
        .post('/Bulk', {
          schemas: [BULK_REQUEST],
          Operations: [
            { method: 'PUT', path: `/Users/${user.id}`, data: buildScimUser({ userName: user.userName }) },
            { method: 'PATCH', path: `/Users/${user.id}`, data: patchOp({ op: 'replace', path: 'title', value: 'x' }) },
            { method: 'DELETE', path: `/Users/${user.id}` },
            { method: 'PUT', path: `/Groups/${group.id}`, data: { schemas: [GROUP_SCHEMA], displayName: 'x' } },
            { method: 'PATCH', path: `/Groups/${group.id}`, data: patchOp({ op: 'remove', path: 'members' }) },
            { method: 'DELETE', path: `/Groups/${group.id}` },
          ],
        })
        .expect(200);
      expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['404', '404', '404', '404', '404', '404']);
      for (const op of res.body.Operations) expect(op.response).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
      const after = await scim(t, tenant).get(`/Users/${user.id}`).expect(200);
      expect(after.body.meta.version).toBe(user.meta.version);
      expect((await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.members).toHaveLength(1);
    });

    it('rejects another tenant\'s user as a member, in Bulk and on the single endpoints', async () => {
      const foreign = await createUser({}, other);
      const res = await scim(t, tenant)
        .post('/Bulk', { schemas: [BULK_REQUEST], Operations: [{ method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP_SCHEMA], displayName: uniqueName('g'), members: [{ value: foreign.id }] } }] })
        .expect(200);
      expect(res.body.Operations[0]).toMatchObject({ status: '400', response: { scimType: 'invalidValue' } });
      await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('g'), members: [{ value: foreign.id }] }).expect(400);
      const group = await createGroup();
      await scim(t, tenant).put(`/Groups/${group.id}`, { schemas: [GROUP_SCHEMA], displayName: group.displayName, members: [{ value: foreign.id }] }).expect(400);
    });

    it('filters never see another tenant\'s users or memberships', async () => {
      const foreign = await createUser({}, other);
      const list = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(`id eq "${foreign.id}" or userName eq "${foreign.userName}"`)}`).expect(200);
      expect(list.body.totalResults).toBe(0);
      const groups = await scim(t, tenant).get(`/Groups?filter=${encodeURIComponent(`members[value eq "${foreign.id}"]`)}`).expect(200);
      expect(groups.body.totalResults).toBe(0);
    });
  });

  describe('ETags on Groups', () => {
    it('answers 412 to a stale If-Match on group PUT and DELETE, and accepts the current one', async () => {
      const group = await createGroup();
      const body = { schemas: [GROUP_SCHEMA], displayName: group.displayName };
      await scim(t, tenant).put(`/Groups/${group.id}`, body).set('If-Match', 'W/"5"').expect(412);
      await scim(t, tenant).delete(`/Groups/${group.id}`).set('If-Match', 'W/"5"').expect(412);
      const put = await scim(t, tenant).put(`/Groups/${group.id}`, { ...body, externalId: 'e' }).set('If-Match', group.meta.version).expect(200);
      expect(put.headers.etag).toBe('W/"2"');
      await scim(t, tenant).get(`/Groups/${group.id}`).set('If-None-Match', 'W/"1"').expect(200);
      await scim(t, tenant).delete(`/Groups/${group.id}`).set('If-Match', 'W/"2"').expect(204);
    });
  });

  describe('concurrency', () => {
    it('gives exactly one 201 for concurrent creates of the same group displayName (409 uniqueness for the rest)', async () => {
      const displayName = uniqueName('race');
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: i % 2 ? displayName : displayName.toUpperCase() })));
      expect(results.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      for (const res of results.filter((r) => r.status === 409)) expect(res.body.scimType).toBe('uniqueness');
    });

    it('applies concurrent member additions of the same users to one group without errors or duplicates', async () => {
      const [a, b] = [await createUser(), await createUser()];
      const group = await createGroup();
      const add = () => scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: a.id }, { value: b.id }] }));
      const results = await Promise.all([add(), add(), add(), add()]);
      expect(results.map((res) => res.status)).toEqual([204, 204, 204, 204]);
      const members = (await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.members;
      expect(members.map((m: { value: string }) => m.value).sort()).toEqual([a.id, b.id].sort());
    });

    it('never lists a member whose user is gone, as a concurrent delete and member add can leave behind', async () => {
      const [kept, gone] = [await createUser(), await createUser()];
      const group = await createGroup({ members: [{ value: kept.id }] });
      await scim(t, tenant).delete(`/Users/${gone.id}`).expect(204);
      // The row a member add leaves when it validated the user just before the delete committed.
      await t.dataSource.query(`INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) VALUES ($1, $2, $3, 'User')`, [tenant.id, group.id, gone.id]);
      const members = (await scim(t, tenant).get(`/Groups/${group.id}`).expect(200)).body.members;
      expect(members.map((m: { value: string }) => m.value)).toEqual([kept.id]);
    });

    it('serialises concurrent PATCHes of one user: every change lands and versions do not repeat', async () => {
      const user = await createUser();
      const results = await Promise.all(
        ['title', 'nickName', 'locale', 'profileUrl', 'timezone'].map((path) => scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'add', path, value: 'v' }))),
      );
      expect(new Set(results.map((res) => res.headers.etag)).size).toBe(5);
      const after = (await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body;
      expect(after).toMatchObject({ title: 'v', nickName: 'v', locale: 'v', profileUrl: 'v', timezone: 'v', meta: { version: 'W/"6"' } });
    });
  });

  describe('PATCH answers', () => {
    it('answers a user PATCH with the user projected by attributes or excludedAttributes', async () => {
      const user = await createUser();
      const res = await scim(t, tenant).patch(`/Users/${user.id}?attributes=title`, patchOp({ op: 'replace', path: 'title', value: 'Eng' })).expect(200);
      expect(res.body).toEqual({ schemas: [USER_SCHEMA], id: user.id, title: 'Eng' });
      const excluded = await scim(t, tenant).patch(`/Users/${user.id}?excludedAttributes=emails,name`, patchOp({ op: 'replace', path: 'title', value: 'Lead' })).expect(200);
      expect(excluded.body).toMatchObject({ id: user.id, title: 'Lead', userName: user.userName });
      expect(excluded.body.emails).toBeUndefined();
    });

    it('answers a group PATCH with 200 and the group when attributes is given', async () => {
      const user = await createUser();
      const group = await createGroup();
      const res = await scim(t, tenant).patch(`/Groups/${group.id}?attributes=members`, patchOp({ op: 'add', path: 'members', value: [{ value: user.id }] })).expect(200);
      expect(res.body).toMatchObject({ id: group.id, members: [expect.objectContaining({ value: user.id })] });
      expect(res.body.displayName).toBeUndefined();
    });

    it('answers 400 with the RFC scimType for bad operations and changes nothing', async () => {
      const user = await createUser();
      const cases: Array<[object, string]> = [
        [{ op: 'remove' }, 'noTarget'],
        [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'x@y.z' }, 'noTarget'],
        [{ op: 'replace', path: 'title[', value: 'x' }, 'invalidPath'],
        [{ op: 'replace', path: 'id', value: 'x' }, 'mutability'],
        [{ op: 'replace', path: 'userName', value: 42 }, 'invalidValue'],
        [{ op: 'move', path: 'title', value: 'x' }, 'invalidSyntax'],
      ];
      for (const [operation, scimType] of cases) {
        const res = await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'changed' }, operation)).expect(400);
        expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType });
      }
      const after = (await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body;
      expect(after.title).toBeUndefined();
      expect(after.meta.version).toBe('W/"1"');
    });

    it('accepts a PATCH body sent as application/json with PatchOp in any case', async () => {
      const user = await createUser();
      const res = await t.http
        .patch(`/scim/v2/Users/${user.id}`)
        .set({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': 'application/json' })
        .send({ schemas: [PATCH_OP.toUpperCase()], operations: [{ OP: 'Replace', PATH: 'Title', VALUE: 'x' }] })
        .expect(200);
      expect(res.body.title).toBe('x');
    });
  });

  describe('manager as Entra sends it', () => {
    it('sets the manager with {"value": id}, clears it with {"value": ""}, and with Remove', async () => {
      const [manager, user] = [await createUser(), await createUser()];
      await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Add', path: MANAGER, value: { value: manager.id } })).expect(200);
      expect((await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body[ENTERPRISE].manager).toEqual({ value: manager.id });
      await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: MANAGER, value: { value: '' } })).expect(200);
      expect((await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body[ENTERPRISE]).toBeUndefined();
      await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', value: { [MANAGER]: manager.id, 'name.givenName': 'G' } })).expect(200);
      expect((await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body[ENTERPRISE].manager).toEqual({ value: manager.id });
      await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Remove', path: MANAGER })).expect(200);
      expect((await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body[ENTERPRISE]).toBeUndefined();
    });

    it('finds reports by manager, as Entra checks before setting it', async () => {
      const [manager, report] = [await createUser(), await createUser()];
      await scim(t, tenant).patch(`/Users/${report.id}`, patchOp({ op: 'Add', path: MANAGER, value: manager.id })).expect(200);
      for (const filter of [`${MANAGER}.value eq "${manager.id}"`, `manager eq "${manager.id}"`]) {
        const res = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(filter)}`).expect(200);
        expect(res.body.Resources.map((r: { id: string }) => r.id)).toEqual([report.id]);
      }
    });
  });

  describe('sorting on sub-attributes and extension attributes', () => {
    it('sorts by name.familyName, emails.value and the enterprise department in both orders', async () => {
      const own = await createTenant(t);
      for (const [family, email, department] of [['Beta', 'c@x.io', 'R&D'], ['alpha', 'a@x.io', 'Sales'], ['Gamma', 'b@x.io', 'Ops']]) {
        await scim(t, own).post('/Users', buildScimUser({ name: { familyName: family }, emails: [{ value: email, primary: true }], [ENTERPRISE]: { department } })).expect(201);
      }
      const order = async (query: string, pick: (r: Record<string, never>) => string) =>
        ((await scim(t, own).get(`/Users?${query}`).expect(200)).body.Resources as Array<Record<string, never>>).map(pick);
      expect(await order('sortBy=name.familyName', (r) => r.name['familyName'])).toEqual(['alpha', 'Beta', 'Gamma']);
      expect(await order('sortBy=NAME.FAMILYNAME&sortOrder=descending', (r) => r.name['familyName'])).toEqual(['Gamma', 'Beta', 'alpha']);
      expect(await order('sortBy=emails.value', (r) => r.emails[0]['value'])).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
      expect(await order(`sortBy=${encodeURIComponent(`${ENTERPRISE}:department`)}&sortOrder=descending`, (r) => r[ENTERPRISE]['department'])).toEqual(['Sales', 'R&D', 'Ops']);
      const paged = [
        ...(await order('sortBy=name.familyName&count=2&startIndex=1', (r) => r.name['familyName'])),
        ...(await order('sortBy=name.familyName&count=2&startIndex=3', (r) => r.name['familyName'])),
      ];
      expect(paged).toEqual(['alpha', 'Beta', 'Gamma']);
    });

    it('answers count=0 with totalResults only, also with a filter and on Groups', async () => {
      const user = await createUser({ title: 'counted' });
      const res = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}&count=0`).expect(200);
      expect(res.body).toEqual({ schemas: [expect.any(String)], totalResults: 1, itemsPerPage: 0, startIndex: 1, Resources: [] });
      expect((await scim(t, tenant).get('/Groups?count=0').expect(200)).body.Resources).toEqual([]);
    });
  });

  describe('Entra and Okta bodies', () => {
    it('accepts Entra\'s full default mapping on create, with typed addresses and phone numbers, and stores values as sent', async () => {
      const manager = await createUser();
      const userName = `${uniqueName('entra')}@contoso.com`;
      const body = {
        schemas: [USER_SCHEMA, ENTERPRISE],
        externalId: uniqueName('mailNickname'),
        userName,
        active: 'True',
        displayName: 'Ada Lovelace',
        title: 'Engineer',
        preferredLanguage: 'en-GB',
        emails: [{ primary: 'True', type: 'work', value: userName }],
        name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
        addresses: [{ type: 'work', formatted: 'Building 1', streetAddress: '1 Main St', locality: 'Redmond', region: 'WA', postalCode: '98052', country: 'US', primary: true }],
        phoneNumbers: [{ type: 'work', value: '55555555555' }, { type: 'mobile', value: '+1 (555) 555-0100' }, { type: 'fax', value: '555-0101' }],
        [ENTERPRISE]: { employeeNumber: '42', department: 'R&D', organization: 'Contoso', manager: { value: manager.id } },
      };
      const res = await scim(t, tenant).post('/Users', body).expect(201);
      expect(res.body).toMatchObject({
        active: true,
        emails: [{ primary: true, type: 'work', value: userName }],
        addresses: body.addresses,
        phoneNumbers: body.phoneNumbers,
        [ENTERPRISE]: { employeeNumber: '42', department: 'R&D', organization: 'Contoso', manager: { value: manager.id } },
      });
    });

    it('deactivates and reactivates by PUT, as Okta App Integration Wizard apps do', async () => {
      const user = await createUser();
      const read = (await scim(t, tenant).get(`/Users/${user.id}`).expect(200)).body;
      expect((await scim(t, tenant).put(`/Users/${user.id}`, { ...read, active: false }).expect(200)).body.active).toBe(false);
      expect((await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`).expect(200)).body.Resources[0].active).toBe(false);
      expect((await scim(t, tenant).put(`/Users/${user.id}`, { ...read, active: true }).expect(200)).body.active).toBe(true);
    });

    it('answers 409 uniqueness for a duplicate userName on PUT and PATCH and for a group renamed by PUT', async () => {
      const [a, b] = [await createUser(), await createUser()];
      const put = await scim(t, tenant).put(`/Users/${b.id}`, buildScimUser({ userName: a.userName.toUpperCase() })).expect(409);
      const patch = await scim(t, tenant).patch(`/Users/${b.id}`, patchOp({ op: 'Replace', path: 'userName', value: a.userName })).expect(409);
      const group = await createGroup();
      const rename = await scim(t, tenant).put(`/Groups/${(await createGroup()).id}`, { schemas: [GROUP_SCHEMA], displayName: group.displayName }).expect(409);
      for (const res of [put, patch, rename]) expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
    });

    it('never returns the password, not even when asked for, and stores only its argon2id hash', async () => {
      const user = await createUser({ password: 'Pl@inText-42' });
      for (const path of [`/Users/${user.id}?attributes=password`, `/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}&attributes=password,userName`]) {
        expect(JSON.stringify((await scim(t, tenant).get(path).expect(200)).body)).not.toMatch(/password|Pl@inText/);
      }
      // No filter can probe the password: it has no readable value, so it matches nothing.
      for (const filter of ['password eq "Pl@inText-42"', 'password pr']) {
        expect((await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(filter)}`).expect(200)).body.totalResults).toBe(0);
      }
      const rows = await t.dataSource.query(`SELECT password_hash, resource::text AS resource FROM scim_users WHERE id = $1`, [user.id]);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(rows[0].resource).not.toContain('Pl@inText');
      const stored = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_events WHERE resource::text LIKE '%Pl@inText%' OR members::text LIKE '%Pl@inText%'`);
      expect(stored[0].n).toBe(0);
    });
  });

  describe('groups: nesting, tenant settings, cursor stability', () => {
    it('accepts nested groups but refuses a group that would contain itself, on PATCH, PUT and POST', async () => {
      const child = await createGroup();
      const parent = await createGroup({ members: [{ value: child.id, type: 'Group' }] });
      expect(parent.members).toEqual([expect.objectContaining({ value: child.id, type: 'Group', $ref: expect.stringMatching(`/Groups/${child.id}$`) })]);
      for (const res of [
        await scim(t, tenant).patch(`/Groups/${child.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: parent.id }] })),
        await scim(t, tenant).patch(`/Groups/${child.id}`, patchOp({ op: 'add', path: 'members', value: [{ value: child.id }] })),
        await scim(t, tenant).put(`/Groups/${child.id}`, { schemas: [GROUP_SCHEMA], displayName: child.displayName, members: [{ value: parent.id }] }),
      ]) {
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ scimType: 'invalidValue', detail: expect.stringMatching(/cannot contain itself/) });
      }
      expect((await scim(t, tenant).get(`/Groups/${child.id}`).expect(200)).body.members).toBeUndefined();
    });

    it('allows duplicate group displayNames when the tenant turns groups.uniqueDisplayName off, and soft-deletes groups with onDelete', async () => {
      const own = await createTenant(t);
      await t.http
        .patch(`/admin/v1/tenants/${own.id}`)
        .auth(t.adminToken, { type: 'bearer' })
        .send({ settings: { groups: { uniqueDisplayName: false }, deprovisioning: { onDelete: 'soft-delete' } } })
        .expect(200);
      const user = await createUser({}, own);
      const first = await createGroup({ members: [{ value: user.id }] }, own);
      await scim(t, own).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: first.displayName.toUpperCase() }).expect(201);
      expect((await scim(t, own).get(`/Groups?filter=${encodeURIComponent(`displayName eq "${first.displayName}"`)}`).expect(200)).body.totalResults).toBe(2);
      await scim(t, own).delete(`/Groups/${first.id}`).expect(204);
      await scim(t, own).get(`/Groups/${first.id}`).expect(404);
      await scim(t, own).patch(`/Groups/${first.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'x' })).expect(404);
      const [row] = await t.dataSource.query(`SELECT deleted_at FROM scim_groups WHERE id = $1`, [first.id]);
      expect(row.deleted_at).toBeInstanceOf(Date);
      expect((await scim(t, own).get(`/Users/${user.id}`).expect(200)).body.groups).toBeUndefined();
    });

    it('keeps cursor pages stable while users are created and deleted between pages (RFC 9865)', async () => {
      const own = await createTenant(t);
      const original: string[] = [];
      for (let i = 0; i < 6; i++) original.push((await createUser({}, own)).id);
      const first = await scim(t, own).get('/Users?count=3&cursor=').expect(200);
      const seen = first.body.Resources.map((r: { id: string }) => r.id);
      await scim(t, own).delete(`/Users/${seen[0]}`).expect(204);
      await scim(t, own).delete(`/Users/${original[4]}`).expect(204);
      const added = await createUser({}, own);
      let cursor = first.body.nextCursor;
      while (cursor) {
        const page = await scim(t, own).get(`/Users?count=3&cursor=${encodeURIComponent(cursor)}`).expect(200);
        seen.push(...page.body.Resources.map((r: { id: string }) => r.id));
        cursor = page.body.nextCursor;
      }
      // Every user that existed throughout appears exactly once; the deleted one is gone, the new one comes last.
      expect(seen).toEqual([...original.filter((id) => id !== original[4]), added.id]);
    });
  });
});
