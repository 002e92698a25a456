import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, ERROR_SCHEMA, LIST_RESPONSE, patchOp, scim, USER_SCHEMA } from './scim-test-client';

describe('SCIM /Users', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    other = await createTenant(t);
  });
  afterAll(() => t.close());

  it('creates a user: 201, Location, ETag = meta.version, application/scim+json, no password', async () => {
    const body = buildScimUser({ password: 'Secr3t!pass', [ENTERPRISE]: { department: 'R&D', manager: { value: 'x' } } });
    const res = await scim(t, tenant).post('/Users', body).expect(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body).toMatchObject({ schemas: [USER_SCHEMA, ENTERPRISE], userName: body.userName, active: true, [ENTERPRISE]: { department: 'R&D' } });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.password).toBeUndefined();
    expect(res.headers.location).toBe(res.body.meta.location);
    expect(res.body.meta.location).toMatch(new RegExp(`/scim/v2/Users/${res.body.id}$`));
    expect(res.headers.etag).toBe(res.body.meta.version);
    expect(res.body.meta).toMatchObject({ resourceType: 'User', version: 'W/"1"' });
    expect(res.body.meta.created).toBe(res.body.meta.lastModified);
    const [row] = await t.dataSource.query(`SELECT password_hash, resource FROM scim_users WHERE id = $1`, [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row.resource)).not.toContain('Secr3t');
  });

  it('gets, replaces, patches and deletes a user; the version grows on each change', async () => {
    const client = scim(t, tenant);
    const created = (await client.post('/Users', buildScimUser()).expect(201)).body;
    const got = await client.get(`/Users/${created.id}`).expect(200);
    expect(got.body).toEqual({ ...created, meta: { ...created.meta, location: expect.stringMatching(`/scim/v2/Users/${created.id}$`) } });
    const put = await client.put(`/Users/${created.id}`, { ...created, displayName: 'Babs', id: created.id }).expect(200);
    expect(put.body).toMatchObject({ displayName: 'Babs', meta: { version: 'W/"2"' } });
    expect(put.body.meta.lastModified >= put.body.meta.created).toBe(true);
    const patched = await client.patch(`/Users/${created.id}`, patchOp({ op: 'Replace', path: 'title', value: 'CTO' })).expect(200);
    expect(patched.body).toMatchObject({ title: 'CTO', displayName: 'Babs', meta: { version: 'W/"3"' } });
    await client.delete(`/Users/${created.id}`).expect(204);
    const gone = await client.get(`/Users/${created.id}`).expect(404);
    expect(gone.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
    expect(gone.body.detail).toBeTruthy();
  });

  it('answers 409 uniqueness when a userName differs only by case', async () => {
    const body = buildScimUser();
    await scim(t, tenant).post('/Users', body).expect(201);
    const res = await scim(t, tenant).post('/Users', { ...body, userName: String(body.userName).toUpperCase() }).expect(409);
    expect(res.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
  });

  it('gives exactly one 201 for concurrent creates of the same userName', async () => {
    const body = buildScimUser();
    const results = await Promise.all(Array.from({ length: 8 }, () => scim(t, tenant).post('/Users', body)));
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const res of results.filter((r) => r.status === 409)) expect(res.body.scimType).toBe('uniqueness');
  });

  it('lists with a form-encoded userName filter and answers an empty ListResponse for no match (Entra Test Connection)', async () => {
    const body = buildScimUser();
    await scim(t, tenant).post('/Users', body).expect(201);
    const hit = await scim(t, tenant).get(`/Users?filter=userName+eq+"${String(body.userName).toUpperCase()}"`).expect(200);
    expect(hit.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 1, itemsPerPage: 1, startIndex: 1 });
    expect(hit.body.Resources[0].userName).toBe(body.userName);
    const miss = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent('userName eq "3f2a7c9e-1b7d-4e0a-9a57-6f1d2e3c4b5a"')}`).expect(200);
    expect(miss.body).toEqual({ schemas: [LIST_RESPONSE], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
    const bad = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent('userName eq')}`).expect(400);
    expect(bad.body.scimType).toBe('invalidFilter');
  });

  it('keeps another tenant out: its user id is 404 on every verb', async () => {
    const created = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    const intruder = scim(t, other);
    await intruder.get(`/Users/${created.id}`).expect(404);
    await intruder.put(`/Users/${created.id}`, buildScimUser()).expect(404);
    await intruder.patch(`/Users/${created.id}`, patchOp({ op: 'replace', path: 'title', value: 'x' })).expect(404);
    await intruder.delete(`/Users/${created.id}`).expect(404);
    const list = await intruder.get(`/Users?filter=${encodeURIComponent(`id eq "${created.id}"`)}`).expect(200);
    expect(list.body.totalResults).toBe(0);
    await scim(t, tenant).get(`/Users/${created.id}`).expect(200);
  });

  it('answers on the /scim alias too', async () => {
    const res = await t.http.get('/scim/Users?count=1').set({ Authorization: `Bearer ${tenant.token}` }).expect(200);
    expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE] });
  });
});
