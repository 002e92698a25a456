import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, LIST_RESPONSE, patchOp, scim, USER_SCHEMA } from './scim-test-client';

/** Microsoft Entra ID request shapes, verbatim from Microsoft Learn's SCIM provisioning tutorial, its SCIM known-issues page and the gallery validation (docs/entra.md). */
describe('Microsoft Entra ID provisioning', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  /** MS-TUT "Create User" Example 2, with the nulls Entra sends for unmapped attributes. */
  const entraUser = (overrides: object = {}) => {
    const userName = `${uniqueName('Test_User')}@contoso.com`;
    return {
      schemas: [USER_SCHEMA, ENTERPRISE],
      externalId: uniqueName('ext'),
      userName,
      active: true,
      addresses: null,
      displayName: 'Test User',
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      phoneNumbers: null,
      preferredLanguage: null,
      title: null,
      roles: [],
      ...overrides,
    };
  };
  const create = async (overrides: object = {}) => (await scim(t, tenant).post('/Users', entraUser(overrides)).expect(201)).body;
  const get = async (id: string) => (await scim(t, tenant).get(`/Users/${id}`).expect(200)).body;

  it('Test Connection: a random GUID filter is 200 with an empty ListResponse', async () => {
    for (const attribute of ['userName', 'externalId']) {
      const res = await scim(t, tenant).get(`/Users?filter=${attribute}+eq+"${randomUUID()}"`).expect(200);
      expect(res.body).toEqual({ schemas: [LIST_RESPONSE], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
    }
  });

  it('creates the MS-TUT user with nulls (201, nulls dropped) and finds it by userName, externalId and work email', async () => {
    const body = entraUser();
    const res = await scim(t, tenant).post('/Users', body).expect(201);
    expect(res.body).toMatchObject({ userName: body.userName, externalId: body.externalId, active: true });
    expect(JSON.stringify(res.body)).not.toContain('null');
    for (const filter of [`userName eq "${body.userName}"`, `externalId eq "${body.externalId}"`, `emails[type eq "work"].value eq "${body.userName}"`]) {
      const found = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(filter)}`).expect(200);
      expect(found.body.totalResults).toBe(1);
      expect(found.body.Resources[0].id).toBe(res.body.id);
    }
  });

  it('accepts "True" as a boolean on create (MS Postman)', async () => {
    expect((await create({ active: 'True' })).active).toBe(true);
  });

  it('patches with PascalCase ops, no path with dotted and URN keys, filtered paths, Add creating the filtered element', async () => {
    const user = await create();
    await scim(t, tenant)
      .patch(
        `/Users/${user.id}`,
        patchOp(
          { op: 'Replace', value: { displayName: 'New Name', 'name.givenName': 'Given', 'name.familyName': 'Family', [`${ENTERPRISE}:employeeNumber`]: '42' } },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
          { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' },
          { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '55555555555' },
          { op: 'Add', path: 'nickName', value: 'Babs' },
          { op: 'Replace', path: 'userName', value: user.userName.replace('Test_User', 'Renamed') },
        ),
      )
      .expect(200);
    const after = await get(user.id);
    expect(after).toMatchObject({
      displayName: 'New Name',
      name: { givenName: 'Given', familyName: 'Family', formatted: 'givenName familyName' },
      [ENTERPRISE]: { employeeNumber: '42' },
      emails: [{ type: 'work', value: 'new@contoso.com', primary: true }],
      addresses: [{ type: 'work', locality: 'Redmond' }],
      phoneNumbers: [{ type: 'mobile', value: '55555555555' }],
      nickName: 'Babs',
      userName: user.userName.replace('Test_User', 'Renamed'),
    });
  });

  it('disables with "False" and the user stays visible with active false (MS-LA Disable_User_Test)', async () => {
    const user = await create();
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: 'False' })).expect(200);
    expect((await get(user.id)).active).toBe(false);
    const found = await scim(t, tenant).get(`/Users?filter=userName+eq+"${user.userName}"`).expect(200);
    expect(found.body.Resources[0].active).toBe(false);
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'active', value: true })).expect(200);
    expect((await get(user.id)).active).toBe(true);
  });

  it('sets, changes and removes the manager as the gallery validation does (MS-LA SCIM_Update_Manager_Test)', async () => {
    const [manager, other, user] = [await create(), await create(), await create()];
    const path = `${ENTERPRISE}:manager`;
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'Add', path, value: manager.id })).expect(200);
    expect((await get(user.id))[ENTERPRISE].manager).toEqual({ value: manager.id });
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path, value: other.id })).expect(200);
    expect((await get(user.id))[ENTERPRISE].manager.value).toBe(other.id);
    await scim(t, tenant).patch(`/Users/${user.id}`, patchOp({ op: 'replace', path, value: '' })).expect(200);
    expect((await get(user.id))[ENTERPRISE]?.manager).toBeUndefined();
  });

  it('clears attributes with "" and then null on core, sub-attribute, filtered and extension paths', async () => {
    const user = await create({ title: 'Eng', name: { givenName: 'G', familyName: 'F' }, [ENTERPRISE]: { department: 'D' } });
    for (const value of ['', null]) {
      await scim(t, tenant)
        .patch(
          `/Users/${user.id}`,
          patchOp(
            { op: 'replace', path: 'title', value },
            { op: 'replace', path: 'name.givenName', value },
            { op: 'replace', path: 'emails[type eq "work"].value', value },
            { op: 'replace', path: `${ENTERPRISE}:department`, value },
          ),
        )
        .expect(200);
      const after = await get(user.id);
      expect(after.title).toBeUndefined();
      expect(after.name.givenName).toBeUndefined();
      expect(after.emails).toBeUndefined();
      expect(after[ENTERPRISE]?.department).toBeUndefined();
    }
  });

  it('creates filtered values with Add, and rejects a Replace of one the user lacks with 400 noTarget, changing nothing', async () => {
    const user = await create({ phoneNumbers: [{ type: 'mobile', value: '1' }] });
    await scim(t, tenant)
      .patch(`/Users/${user.id}`, patchOp({ op: 'Add', path: 'phoneNumbers[type eq "work"].value', value: '2' }, { op: 'Add', path: 'addresses[type eq "work"].postalCode', value: '98052' }))
      .expect(200);
    const rejected = await scim(t, tenant)
      .patch(`/Users/${user.id}`, patchOp({ op: 'Replace', path: 'title', value: 'Engineer' }, { op: 'Replace', path: 'emails[type eq "home"].value', value: 'h@example.com' }))
      .expect(400);
    expect(rejected.body).toMatchObject({ status: '400', scimType: 'noTarget' });
    const after = await get(user.id);
    expect(after).toMatchObject({ phoneNumbers: [{ type: 'mobile', value: '1' }, { type: 'work', value: '2' }], addresses: [{ type: 'work', postalCode: '98052' }] });
    expect(after.title).toBeUndefined();
  });

  it('clears attributes with the non-verbose null update: one no-path replace of dotted and URN keys, "" then null (MS-LA SCIM_Null_Update_Test)', async () => {
    const user = await create({ title: 'Eng', nickName: 'N', name: { givenName: 'G', familyName: 'F' }, [ENTERPRISE]: { department: 'D', costCenter: 'C' } });
    for (const value of ['', null]) {
      await scim(t, tenant)
        .patch(
          `/Users/${user.id}`,
          patchOp(
            { op: 'replace', path: 'emails[type eq "work"].value', value },
            { op: 'replace', value: { title: value, nickName: value, 'name.givenName': value, [`${ENTERPRISE}:department`]: value, [`${ENTERPRISE}:costCenter`]: value } },
          ),
        )
        .expect(200);
      const after = await get(user.id);
      for (const key of ['title', 'nickName', 'emails', ENTERPRISE]) expect(after[key]).toBeUndefined();
      expect(after.name).toEqual({ familyName: 'F' });
    }
  });

  it('handles groups as Entra does: create, lookup without members, add several members, remove with and without the flag', async () => {
    const [a, b, c] = [await create(), await create(), await create()];
    const displayName = uniqueName('Entra Group');
    const group = (await scim(t, tenant)
      .post('/Groups', { schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'], externalId: uniqueName('g'), displayName, meta: { resourceType: 'Group' } })
      .expect(201)).body;
    const lookup = await scim(t, tenant).get(`/Groups?excludedAttributes=members&filter=displayName+eq+"${displayName}"`).expect(200);
    expect(lookup.body.Resources).toEqual([expect.objectContaining({ id: group.id, displayName })]);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'Add', path: 'members', value: [a, b, c].map((u) => ({ $ref: null, value: u.id })) })).expect(204);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: a.id }] })).expect(204);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'remove', path: `members[value eq "${b.id}"]` })).expect(204);
    await scim(t, tenant).patch(`/Groups/${group.id}`, patchOp({ op: 'Replace', path: 'displayName', value: `${displayName} renamed` })).expect(204);
    const after = await scim(t, tenant).get(`/Groups/${group.id}`).expect(200);
    expect(after.body).toMatchObject({ displayName: `${displayName} renamed`, members: [expect.objectContaining({ value: c.id })] });
    expect(after.body.members).toHaveLength(1);
    await scim(t, tenant).get(`/Groups/${group.id}?excludedAttributes=members`).expect(200);
    await scim(t, tenant).delete(`/Groups/${group.id}`).expect(204);
  });

  it('makes every attribute of Entra\'s default mapping discoverable in /Schemas, flattened as MS-LA Schema_Discoverability_Test does', async () => {
    type SchemaAttribute = { name: string; type: string; multiValued?: boolean; subAttributes?: Array<{ name: string; type: string; canonicalValues?: string[] }> };
    const schemas = (await scim(t, tenant).get('/Schemas').expect(200)).body.Resources as Array<{ id: string; attributes: SchemaAttribute[] }>;
    // MS-LA SCIMTests_Workflow.json Flatten_User_Attrs_Loop: type canonicalValues give attr[type eq "x"].sub,
    // otherwise attr[primary eq "True"].sub; single complex attributes give attr.sub; references are skipped.
    const flatten = (attribute: SchemaAttribute, prefix: string): string[] => {
      if (attribute.name === 'manager' || attribute.name === 'members') return [prefix + attribute.name];
      const subs = attribute.subAttributes ?? [];
      if (attribute.type === 'complex' && attribute.multiValued) {
        const types = subs.find((sub) => sub.name === 'type')?.canonicalValues ?? [];
        if (types.length === 0) return subs.filter((sub) => sub.name !== 'primary').map((sub) => `${prefix}${attribute.name}[primary eq "True"].${sub.name}`);
        return types.flatMap((type) => subs.filter((sub) => !['type', 'primary'].includes(sub.name)).map((sub) => `${prefix}${attribute.name}[type eq "${type}"].${sub.name}`));
      }
      if (attribute.type === 'complex') return subs.filter((sub) => !['complex', 'reference'].includes(sub.type)).map((sub) => `${prefix}${attribute.name}.${sub.name}`);
      return attribute.type === 'reference' ? [] : [prefix + attribute.name];
    };
    const flattened = new Set(
      schemas
        .filter((schema) => schema.id !== GROUP_SCHEMA)
        .flatMap((schema) => schema.attributes.flatMap((attribute) => flatten(attribute, schema.id === USER_SCHEMA ? '' : `${schema.id}:`)))
        .map((name) => name.toLowerCase()),
    );
    const entraDefaults = [
      'userName', 'active', 'displayName', 'title', 'preferredLanguage', 'externalId', 'nickName', 'userType', 'locale', 'timezone',
      'emails[type eq "work"].value', 'emails[type eq "home"].value', 'emails[type eq "other"].value',
      'name.givenName', 'name.familyName', 'name.formatted', 'name.middleName', 'name.honorificPrefix', 'name.honorificSuffix',
      ...['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'].map((sub) => `addresses[type eq "work"].${sub}`),
      'phoneNumbers[type eq "work"].value', 'phoneNumbers[type eq "mobile"].value', 'phoneNumbers[type eq "fax"].value',
      'roles[primary eq "True"].value', 'roles[primary eq "True"].display', 'roles[primary eq "True"].type',
      ...['employeeNumber', 'department', 'organization', 'division', 'costCenter', 'manager'].map((name) => `${ENTERPRISE}:${name}`),
    ];
    expect(entraDefaults.filter((name) => !flattened.has(name.toLowerCase()))).toEqual([]);
    const group = schemas.find((schema) => schema.id === GROUP_SCHEMA)!;
    expect(group.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(['displayName', 'externalId', 'members']));
  });

  it('pages users with startIndex and count=5, echoing startIndex 1, 6, 11 (MS-LA SCIM_User_Pagination_Test)', async () => {
    const own = await createTenant(t);
    for (let i = 0; i < 11; i++) await scim(t, own).post('/Users', entraUser()).expect(201);
    for (const startIndex of [1, 6, 11]) {
      const res = await scim(t, own).get(`/Users?startIndex=${startIndex}&count=5`).expect(200);
      expect(res.body.startIndex).toBe(startIndex);
      expect(res.body.Resources.length).toBe(startIndex === 11 ? 1 : 5);
    }
  });

  it('deletes a user with 204 and answers 404 afterwards', async () => {
    const user = await create();
    await scim(t, tenant).delete(`/Users/${user.id}`).expect(204);
    await scim(t, tenant).get(`/Users/${user.id}`).expect(404);
  });
});
