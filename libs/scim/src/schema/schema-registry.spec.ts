import {
  CORE_USER_SCHEMA_URN,
  ENTERPRISE_USER_SCHEMA_URN,
  findAttribute,
  findSchema,
  getResourceSchema,
  GROUP_SCHEMA,
  listSchemas,
  resolveAttributePath,
  USER_SCHEMA,
} from './index';

describe('schema definitions', () => {
  it('define every RFC 7643 §4.1 User attribute', () => {
    expect(USER_SCHEMA.attributes.map((attribute) => attribute.name)).toEqual([
      'userName', 'name', 'displayName', 'nickName', 'profileUrl', 'title', 'userType', 'preferredLanguage', 'locale', 'timezone',
      'active', 'password', 'emails', 'phoneNumbers', 'ims', 'photos', 'addresses', 'groups', 'entitlements', 'roles', 'x509Certificates',
    ]);
  });

  it('mark password writeOnly and never returned, groups readOnly, userName unique and required', () => {
    expect(findAttribute(USER_SCHEMA.attributes, 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    const groups = findAttribute(USER_SCHEMA.attributes, 'groups')!;
    expect(groups.mutability).toBe('readOnly');
    expect(groups.subAttributes!.every((sub) => sub.mutability === 'readOnly')).toBe(true);
    expect(findAttribute(USER_SCHEMA.attributes, 'userName')).toMatchObject({ required: true, uniqueness: 'server', caseExact: false });
  });

  it('give addresses the postal sub-attributes plus type and primary', () => {
    const addresses = findAttribute(USER_SCHEMA.attributes, 'addresses')!;
    expect(addresses.subAttributes!.map((sub) => sub.name)).toEqual([
      'formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary',
    ]);
  });

  it('make Group member value and $ref immutable, and type (User or Group) and display readOnly: the server sets them', () => {
    const members = findAttribute(GROUP_SCHEMA.attributes, 'members')!;
    expect(members.multiValued).toBe(true);
    expect(Object.fromEntries(members.subAttributes!.map((sub) => [sub.name, sub.mutability]))).toEqual({
      value: 'immutable',
      $ref: 'immutable',
      type: 'readOnly',
      display: 'readOnly',
    });
    expect(members.subAttributes!.find((sub) => sub.name === 'type')!.canonicalValues).toEqual(['User', 'Group']);
  });

  it('serve three schemas and attach the enterprise extension to User only', () => {
    expect(listSchemas().map((schema) => schema.id)).toHaveLength(3);
    expect(getResourceSchema('User').extensions.map((schema) => schema.id)).toEqual([ENTERPRISE_USER_SCHEMA_URN]);
    expect(getResourceSchema('Group').extensions).toEqual([]);
    expect(findSchema(ENTERPRISE_USER_SCHEMA_URN.toUpperCase())!.id).toBe(ENTERPRISE_USER_SCHEMA_URN);
  });
});

describe('resolveAttributePath', () => {
  it('resolves plain names case-insensitively to their canonical spelling', () => {
    expect(resolveAttributePath('User', 'USERNAME')).toMatchObject({ path: 'userName', schemaUrn: CORE_USER_SCHEMA_URN, extension: false });
  });

  it('resolves sub-attributes with their parent', () => {
    const resolved = resolveAttributePath('User', 'name.FAMILYNAME')!;
    expect(resolved).toMatchObject({ names: ['name', 'familyName'], storagePath: ['name', 'familyName'] });
    expect(resolved.parent!.name).toBe('name');
  });

  it('resolves URN-qualified core and extension paths', () => {
    expect(resolveAttributePath('User', `${CORE_USER_SCHEMA_URN}:userName`)!.path).toBe('userName');
    const manager = resolveAttributePath('User', `${ENTERPRISE_USER_SCHEMA_URN.toLowerCase()}:Manager.Value`)!;
    expect(manager).toMatchObject({
      schemaUrn: ENTERPRISE_USER_SCHEMA_URN,
      path: 'manager.value',
      fullPath: `${ENTERPRISE_USER_SCHEMA_URN}:manager.value`,
      storagePath: [ENTERPRISE_USER_SCHEMA_URN, 'manager', 'value'],
      extension: true,
    });
  });

  it('resolves unqualified extension attributes because Entra sends "manager" bare', () => {
    expect(resolveAttributePath('User', 'department')!.schemaUrn).toBe(ENTERPRISE_USER_SCHEMA_URN);
  });

  it('resolves the common attributes with their RFC 7643 §3.1 characteristics', () => {
    expect(resolveAttributePath('Group', 'id')!.attribute).toMatchObject({ caseExact: true, returned: 'always', mutability: 'readOnly' });
    expect(resolveAttributePath('User', 'externalId')!.attribute.caseExact).toBe(true);
    expect(resolveAttributePath('User', 'meta.lastModified')!.attribute.type).toBe('dateTime');
  });

  it('returns undefined for what the schema does not define', () => {
    for (const path of ['nope', 'name.nope', 'name.familyName.x', 'urn:example:unknown:attr', 'department.x', `${ENTERPRISE_USER_SCHEMA_URN}`]) {
      expect(resolveAttributePath('User', path)).toBeUndefined();
    }
    expect(resolveAttributePath('Group', 'userName')).toBeUndefined();
    expect(resolveAttributePath('Group', `${ENTERPRISE_USER_SCHEMA_URN}:department`)).toBeUndefined();
  });
});
