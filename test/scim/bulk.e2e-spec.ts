import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_SCHEMA, GROUP_SCHEMA, PATCH_OP, scim } from './scim-test-client';

const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

describe('SCIM /Bulk', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ SCIM_BULK_MAX_OPERATIONS: '5', SCIM_MAX_BODY_BYTES: '20000' });
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  const bulk = (operations: object[], extra: object = {}) => scim(t, tenant).post('/Bulk', { schemas: [BULK_REQUEST], ...extra, Operations: operations });

  it('creates users and a group whose members reference them by bulkId, before or after the group', async () => {
    const groupName = uniqueName('bulk-group');
    const res = await bulk([
      { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP_SCHEMA], displayName: groupName, members: [{ value: 'bulkId:u1' }, { value: 'bulkId:u2' }] } },
      { method: 'POST', path: '/Users', bulkId: 'u1', data: buildScimUser() },
      { method: 'POST', path: '/Users', bulkId: 'u2', data: buildScimUser() },
    ]).expect(200);
    expect(res.body.schemas).toEqual([BULK_RESPONSE]);
    expect(res.body.Operations.map((op: { bulkId: string; status: string }) => [op.bulkId, op.status])).toEqual([['g', '201'], ['u1', '201'], ['u2', '201']]);
    const [group, u1, u2] = res.body.Operations;
    expect(group.location).toMatch(/\/scim\/v2\/Groups\/[0-9a-f-]{36}$/);
    expect(group.version).toBe('W/"1"');
    const fetched = await scim(t, tenant).get(new URL(group.location).pathname.replace('/scim/v2', '')).expect(200);
    expect(fetched.body.members.map((m: { value: string }) => m.value).sort()).toEqual([u1.location.split('/').pop(), u2.location.split('/').pop()].sort());
  });

  it('runs PUT, PATCH and DELETE with bulkId paths and reports each status', async () => {
    const res = await bulk([
      { method: 'POST', path: '/Users', bulkId: 'u', data: buildScimUser() },
      { method: 'PATCH', path: '/Users/bulkId:u', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Eng' }] } },
      { method: 'PUT', path: '/Users/bulkId:u', data: buildScimUser({ title: 'Lead' }) },
      { method: 'DELETE', path: '/Users/bulkId:u' },
    ]).expect(200);
    expect(res.body.Operations.map((op: { method: string; status: string }) => `${op.method} ${op.status}`)).toEqual(['POST 201', 'PATCH 200', 'PUT 200', 'DELETE 204']);
    await scim(t, tenant).get(`/Users/${res.body.Operations[0].location.split('/').pop()}`).expect(404);
  });

  it('resolves a bulkId in a manager value and answers POST /Bulk sent as application/json', async () => {
    const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const res = await t.http
      .post('/scim/v2/Bulk')
      .set({ Authorization: `Bearer ${tenant.token}`, 'Content-Type': 'application/json' })
      .send({
        schemas: [BULK_REQUEST],
        Operations: [
          { method: 'POST', path: '/Users', bulkId: 'report', data: buildScimUser({ [ENTERPRISE]: { manager: { value: 'bulkId:boss' } } }) },
          { method: 'POST', path: '/Users', bulkId: 'boss', data: buildScimUser() },
        ],
      })
      .expect(200);
    const [report, boss] = res.body.Operations.map((op: { location: string }) => op.location.split('/').pop());
    const fetched = await scim(t, tenant).get(`/Users/${report}`).expect(200);
    expect(fetched.body[ENTERPRISE].manager).toEqual({ value: boss });
  });

  it('uses an operation\'s version as If-Match: a stale one is 412 for that operation only', async () => {
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    const patch = { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'nickName', value: 'x' }] };
    const res = await bulk([
      { method: 'PATCH', path: `/Users/${user.id}`, version: 'W/"7"', data: patch },
      { method: 'PATCH', path: `/Users/${user.id}`, version: user.meta.version, data: patch },
    ]).expect(200);
    expect(res.body.Operations.map((op: { status: string }) => op.status)).toEqual(['412', '200']);
    expect(res.body.Operations[0].response).toMatchObject({ schemas: [ERROR_SCHEMA], status: '412' });
    expect(res.body.Operations[1].version).toBe('W/"2"');
  });

  it('reports circular bulkId references with 409 and never loops', async () => {
    const res = await bulk([
      { method: 'POST', path: '/Groups', bulkId: 'a', data: { schemas: [GROUP_SCHEMA], displayName: uniqueName('a'), members: [{ value: 'bulkId:b' }] } },
      { method: 'POST', path: '/Groups', bulkId: 'b', data: { schemas: [GROUP_SCHEMA], displayName: uniqueName('b'), members: [{ value: 'bulkId:a' }] } },
      { method: 'POST', path: '/Users', bulkId: 'ok', data: buildScimUser() },
    ]).expect(200);
    const statuses = res.body.Operations.map((op: { bulkId: string; status: string }) => [op.bulkId, op.status]);
    expect(statuses).toEqual([['a', '409'], ['b', '409'], ['ok', '201']]);
    expect(res.body.Operations[0].response).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', detail: expect.stringMatching(/circular/i) });
  });

  it('stops after failOnErrors errors and returns each error as a SCIM error', async () => {
    const taken = buildScimUser();
    await scim(t, tenant).post('/Users', taken).expect(201);
    const res = await bulk(
      [
        { method: 'POST', path: '/Users', bulkId: 'dup', data: taken },
        { method: 'POST', path: '/Users', bulkId: 'bad', data: { schemas: [] } },
        { method: 'POST', path: '/Users', bulkId: 'never', data: buildScimUser() },
      ],
      { failOnErrors: 2 },
    ).expect(200);
    expect(res.body.Operations).toHaveLength(2);
    expect(res.body.Operations[0]).toMatchObject({ bulkId: 'dup', status: '409', response: { status: '409', scimType: 'uniqueness' } });
    expect(res.body.Operations[1]).toMatchObject({ bulkId: 'bad', status: '400' });
  });

  it('answers 413 for more operations than bulk.maxOperations and for a payload over maxPayloadSize', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ method: 'POST', path: '/Users', bulkId: `u${i}`, data: buildScimUser() }));
    const many = await bulk(six).expect(413);
    expect(many.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '413' });
    const big = await bulk([{ method: 'POST', path: '/Users', bulkId: 'big', data: buildScimUser({ title: 'x'.repeat(30000) }) }]).expect(413);
    expect(big.body.status).toBe('413');
    expect(await scim(t, tenant).get('/Users?filter=title+pr&count=0').expect(200).then((r) => r.body.totalResults)).toBe(0);
  });

  it('advertises the enforced limits in /ServiceProviderConfig', async () => {
    const res = await scim(t, tenant).get('/ServiceProviderConfig').expect(200);
    expect(res.body.bulk).toEqual({ supported: true, maxOperations: 5, maxPayloadSize: 20000 });
  });
});
