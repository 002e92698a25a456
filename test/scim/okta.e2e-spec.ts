import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_SCHEMA, GROUP_SCHEMA, LIST_RESPONSE, patchOp, scim, USER_SCHEMA } from './scim-test-client';

/** Okta request shapes, verbatim from Okta's SCIM 2.0 Protocol Reference and its SCIM 2.0 SPEC test (docs/okta.md). */
describe('Okta provisioning', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    auth = { Authorization: `Bearer ${tenant.token}` };
  });
  afterAll(() => t.close());

  const oktaHeaders = { Accept: 'application/scim+json', 'Accept-Charset': 'utf-8', 'User-Agent': 'OKTA SCIM Integration' };
  /** OKTA-REF "Create the User". */
  const oktaUser = (userName = `${uniqueName('test.user')}@okta.local`) => ({
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: `00u${randomUUID().replace(/-/g, '').slice(0, 17)}`,
    groups: [],
    password: '1mP@ssw0rd',
    active: true,
  });
  const createWithJson = (body: object) => t.http.post('/scim/v2/Users').set(auth).set(oktaHeaders).set('Content-Type', 'application/json').send(body);

  it('checks existence with the encoded userName filter, startIndex=1 and count=100', async () => {
    const res = await t.http.get('/scim/v2/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100').set(auth).set(oktaHeaders).expect(200);
    expect(res.body).toEqual({ schemas: [LIST_RESPONSE], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
  });

  it('runs the SPEC test rows', async () => {
    const body = oktaUser();
    const created = await createWithJson(body).expect(201);
    expect(created.body).toMatchObject({ active: true, userName: body.userName, name: body.name });
    expect(created.body.schemas).toContain(USER_SCHEMA);
    expect(created.body.password).toBeUndefined();
    const list = await t.http.get('/scim/v2/Users?count=1&startIndex=1').set(auth).expect(200);
    expect(list.body).toMatchObject({ schemas: [LIST_RESPONSE], itemsPerPage: 1, startIndex: 1, totalResults: expect.any(Number) });
    const first = list.body.Resources[0];
    for (const key of ['id', 'userName', 'active']) expect(first[key]).toBeDefined();
    expect(first.name.familyName && first.name.givenName && first.emails[0].value).toBeTruthy();
    await t.http.get(`/scim/v2/Users/${first.id}`).set(auth).expect(200);
    for (const value of ['invalid-user', `${randomUUID()}@example.com`]) {
      expect((await t.http.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${value}"`)}`).set(auth).expect(200)).body.totalResults).toBe(0);
    }
    const missing = await t.http.get(`/scim/v2/Users/${randomUUID()}`).set(auth).expect(404);
    expect(missing.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404', detail: expect.any(String) });
    await t.http.get(`/scim/v2/Users/${created.body.id}`).set(auth).expect(200);
    const again = await createWithJson(body).expect(409);
    expect(again.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
    const caps = await t.http.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${body.userName.toUpperCase()}"`)}`).set(auth).expect(200);
    expect(caps.body.Resources[0].id).toBe(created.body.id);
    const started = Date.now();
    await t.http.get('/scim/v2/Groups').set(auth).expect(200);
    expect(Date.now() - started).toBeLessThan(600);
    const unauth = await t.http.get('/scim/v2/Users').set({ Authorization: 'non-token' }).expect(401);
    expect(unauth.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401', detail: expect.any(String) });
    const odd = await t.http.get('/scim/v2/Users/00919288221112222').set(auth).expect(404);
    expect(odd.body.status).toBe('404');
  });

  it('updates a profile by PUT of the object it read back, with id, groups: [] and meta', async () => {
    const user = (await createWithJson(oktaUser()).expect(201)).body;
    const read = (await t.http.get(`/scim/v2/Users/${user.id}`).set(auth).expect(200)).body;
    const res = await scim(t, tenant).put(`/Users/${user.id}`, { ...read, groups: [], name: { givenName: 'Changed', familyName: 'User' } }).expect(200);
    expect(res.body).toMatchObject({ id: user.id, name: { givenName: 'Changed' }, meta: { version: 'W/"2"' } });
  });

  it('deactivates, reactivates and syncs the password by PATCH without path', async () => {
    const user = (await createWithJson(oktaUser()).expect(201)).body;
    const [{ password_hash: before }] = await t.dataSource.query(`SELECT password_hash FROM scim_users WHERE id = $1`, [user.id]);
    expect((await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: false } })).expect(200)).body.active).toBe(false);
    expect((await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { active: true } })).expect(200)).body.active).toBe(true);
    const synced = await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', value: { password: 'n3w-P@ssword' } })).expect(200);
    expect(synced.body.password).toBeUndefined();
    const [{ password_hash: after }] = await t.dataSource.query(`SELECT password_hash FROM scim_users WHERE id = $1`, [user.id]);
    expect(after).toMatch(/^\$argon2id\$/);
    expect(after).not.toBe(before);
  });

  it('pushes a group, renames it with the id in the value, changes membership in one PATCH, replaces all members, deletes it', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(async () => (await createWithJson(oktaUser()).expect(201)).body));
    const push = await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('Okta Group'), members: [] }).expect(201);
    const id = push.body.id;
    await scim(t, tenant).patch(`/Groups/${id}`, patchOp({ op: 'replace', value: { id, displayName: 'Okta Renamed ' + id } })).expect(204);
    await scim(t, tenant)
      .patch(`/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: a.id, display: a.userName }, { value: b.id, display: b.userName }] }))
      .expect(204);
    await scim(t, tenant)
      .patch(`/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${a.id}"]` }, { op: 'add', path: 'members', value: [{ value: c.id, display: c.userName }] }))
      .expect(204);
    let group = (await scim(t, tenant).get(`/Groups/${id}`).expect(200)).body;
    expect(group.displayName).toBe('Okta Renamed ' + id);
    expect(group.members.map((m: { value: string }) => m.value).sort()).toEqual([b.id, c.id].sort());
    await scim(t, tenant).patch(`/Groups/${id}`, patchOp({ op: 'replace', path: 'members', value: [{ value: a.id }] })).expect(204);
    group = (await scim(t, tenant).get(`/Groups/${id}`).expect(200)).body;
    expect(group.members.map((m: { value: string }) => m.value)).toEqual([a.id]);
    await scim(t, tenant).delete(`/Groups/${id}`).expect(204);
    await scim(t, tenant).get(`/Groups/${id}`).expect(404);
  });

  it('accepts Okta\'s Content-Type with charset and pages imports with startIndex += count', async () => {
    const own = await createTenant(t);
    for (let i = 0; i < 3; i++) {
      await t.http.post('/scim/v2/Users').set({ Authorization: `Bearer ${own.token}` }).set('Content-Type', 'application/scim+json; charset=utf-8').send(JSON.stringify(oktaUser())).expect(201);
    }
    const ids: string[] = [];
    for (let startIndex = 1; startIndex <= 3; startIndex += 2) {
      const res = await t.http.get(`/scim/v2/Users?startIndex=${startIndex}&count=2`).set({ Authorization: `Bearer ${own.token}` }).expect(200);
      expect(Number.isInteger(res.body.totalResults) && Number.isInteger(res.body.itemsPerPage) && Number.isInteger(res.body.startIndex)).toBe(true);
      ids.push(...res.body.Resources.map((r: { id: string }) => r.id));
    }
    expect(new Set(ids).size).toBe(3);
  });
});
