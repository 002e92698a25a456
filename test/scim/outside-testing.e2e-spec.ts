import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, patchOp, scim, USER_SCHEMA } from './scim-test-client';

type Attribute = { name: string; required: boolean; mutability: string; subAttributes?: Attribute[] };

describe('SCIM behaviour found by outside testing', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it('never re-enables a disabled user by removing active, clearing it, or a PUT without it', async () => {
    const client = scim(t, tenant);
    const user = (await client.post('/Users', buildScimUser({ active: false })).expect(201)).body;
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'remove', path: 'active' })).expect(200);
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: '' })).expect(200);
    const { active: _omitted, ...withoutActive } = buildScimUser({ userName: user.userName });
    await client.put(`/Users/${user.id}`, withoutActive).expect(200);
    expect((await client.get(`/Users/${user.id}`).expect(200)).body.active).toBe(false);
    const listed = await client.get(`/Users?filter=${encodeURIComponent(`userName eq "${user.userName}"`)}`).expect(200);
    expect(listed.body.Resources[0].active).toBe(false);
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'active', value: true })).expect(200);
    expect((await client.get(`/Users/${user.id}`).expect(200)).body.active).toBe(true);
  });

  it('publishes in /Schemas what it enforces: Group displayName required, member type and display readOnly', async () => {
    const client = scim(t, tenant);
    const schema = (await client.get(`/Schemas/${GROUP_SCHEMA}`).expect(200)).body;
    const attributes = schema.attributes as Attribute[];
    expect(attributes.find((a) => a.name === 'displayName')!.required).toBe(true);
    const members = attributes.find((a) => a.name === 'members')!.subAttributes!;
    expect(Object.fromEntries(members.map((sub) => [sub.name, sub.mutability]))).toEqual({ value: 'immutable', $ref: 'immutable', type: 'readOnly', display: 'readOnly' });
    await client.post('/Groups', { schemas: [GROUP_SCHEMA] }).expect(400);
    // A client's type and display are ignored: the server serves the member's own.
    const user = (await client.post('/Users', buildScimUser({ displayName: 'Real Name' })).expect(201)).body;
    const group = (await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: uniqueName('g'), members: [{ value: user.id, type: 'Group', display: 'Fake' }] }).expect(201)).body;
    expect(group.members).toEqual([expect.objectContaining({ value: user.id, type: 'User', display: 'Real Name' })]);
  });

  it('accepts the bare enterprise extension URN as PATCH path for add, replace and remove', async () => {
    const client = scim(t, tenant);
    const user = (await client.post('/Users', buildScimUser()).expect(201)).body;
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: ENTERPRISE, value: { department: 'Sales', costCenter: '4130' } })).expect(200);
    const replaced = await client.patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: ENTERPRISE, value: { department: 'Tour Operations' } })).expect(200);
    expect(replaced.body[ENTERPRISE]).toEqual({ department: 'Tour Operations', costCenter: '4130' });
    expect(replaced.body.schemas).toEqual([USER_SCHEMA, ENTERPRISE]);
    const removed = await client.patch(`/Users/${user.id}`, patchOp({ op: 'remove', path: ENTERPRISE })).expect(200);
    expect(removed.body[ENTERPRISE]).toBeUndefined();
    expect(removed.body.schemas).toEqual([USER_SCHEMA]);
  });

  it('answers a bare string for a multi-valued complex attribute with 400 invalidValue, and keeps the Entra manager string', async () => {
    const client = scim(t, tenant);
    const bad = await client.post('/Users', buildScimUser({ emails: 'someone@example.com' })).expect(400);
    expect(bad.body).toMatchObject({ scimType: 'invalidValue', detail: expect.stringContaining('emails') });
    const user = (await client.post('/Users', buildScimUser()).expect(201)).body;
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: 'emails', value: 'someone@example.com' })).expect(400);
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: `${ENTERPRISE}:manager`, value: user.id })).expect(200);
    expect((await client.get(`/Users/${user.id}`).expect(200)).body[ENTERPRISE].manager).toMatchObject({ value: user.id });
  });

  it('hands out list cursors that reveal no id and work only for the tenant and query they came from', async () => {
    const client = scim(t, tenant);
    for (let i = 0; i < 3; i++) await client.post('/Users', buildScimUser()).expect(201);
    const first = (await client.get('/Users?count=1&cursor=').expect(200)).body;
    const id = first.Resources[0].id as string;
    expect(Buffer.from(first.nextCursor, 'base64url').toString('latin1')).not.toContain(id);
    const next = (await client.get(`/Users?count=1&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    expect(next.Resources[0].id).not.toBe(id);
    const other = await createTenant(t);
    const foreign = await scim(t, other).get(`/Users?count=1&cursor=${encodeURIComponent(first.nextCursor)}`).expect(400);
    expect(foreign.body.scimType).toBe('invalidCursor');
  });
});
