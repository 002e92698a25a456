import { ScimValidationError } from '../resource-model/scim-validation-error';
import { validateResource } from './validate-resource';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ADSCIM_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

function rejection(fn: () => unknown): ScimValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScimValidationError) return error;
    throw error;
  }
  throw new Error('expected a ScimValidationError');
}

describe('validateResource for users', () => {
  it('accepts the Entra create body (MS-TUT Example 2) and drops nulls, [] and meta', () => {
    const body = {
      schemas: [USER, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
      active: true,
      addresses: null,
      displayName: 'Test_User',
      emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { familyName: 'familyName', givenName: 'givenName' },
      phoneNumbers: null,
      preferredLanguage: null,
      roles: [],
      title: null,
      [ENTERPRISE]: { employeeNumber: 'nr', department: null },
    };
    expect(validateResource('User', body)).toEqual({
      resource: {
        schemas: [USER, ENTERPRISE],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
        active: true,
        displayName: 'Test_User',
        emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
        name: { familyName: 'familyName', givenName: 'givenName' },
        [ENTERPRISE]: { employeeNumber: 'nr' },
      },
    });
  });

  it('accepts the Okta create body, keeping the password out of the resource', () => {
    const result = validateResource('User', {
      schemas: [USER],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(result.password).toBe('1mz050nq');
    expect(result.resource).not.toHaveProperty('password');
    expect(result.resource).not.toHaveProperty('groups');
    expect(result.resource.schemas).toEqual([USER]);
  });

  it('reads names case-insensitively and writes them canonically', () => {
    const { resource } = validateResource('User', {
      SCHEMAS: [USER.toUpperCase()],
      USERNAME: 'bjensen',
      Name: { GivenName: 'Barbara' },
      Emails: [{ Value: 'b@example.com', Primary: true }],
    });
    expect(resource).toEqual({ schemas: [USER], userName: 'bjensen', name: { givenName: 'Barbara' }, emails: [{ value: 'b@example.com', primary: true }] });
  });

  it('turns "True"/"False" in any case into booleans (MS Postman "Post emp1 with string True")', () => {
    expect(validateResource('User', { schemas: [USER], userName: 'a', active: 'True' }).resource.active).toBe(true);
    expect(validateResource('User', { schemas: [USER], userName: 'a', active: 'fALSE' }).resource.active).toBe(false);
  });

  it('rejects other strings for booleans with invalidValue', () => {
    expect(rejection(() => validateResource('User', { schemas: [USER], userName: 'a', active: 'yes' }))).toMatchObject({
      status: 400,
      scimType: 'invalidValue',
    });
  });

  it('accepts the URN-prefixed flat form and dotted keys', () => {
    const { resource } = validateResource('User', {
      schemas: [USER],
      userName: 'a',
      [`${ENTERPRISE}:department`]: 'Sales',
      [`${USER}:nickName`]: 'Babs',
      'name.familyName': 'Jensen',
    });
    expect(resource).toEqual({ schemas: [USER, ENTERPRISE], userName: 'a', nickName: 'Babs', name: { familyName: 'Jensen' }, [ENTERPRISE]: { department: 'Sales' } });
  });

  it('makes a manager given as a plain id a complex value and ignores manager.displayName', () => {
    const fromString = validateResource('User', { schemas: [USER, ENTERPRISE], userName: 'a', [ENTERPRISE]: { manager: 'm-1' } });
    expect(fromString.resource[ENTERPRISE]).toEqual({ manager: { value: 'm-1' } });
    const fromObject = validateResource('User', { schemas: [USER], userName: 'a', [ENTERPRISE]: { manager: { value: 'm-1', displayName: 'Boss' } } });
    expect(fromObject.resource[ENTERPRISE]).toEqual({ manager: { value: 'm-1' } });
  });

  it('ignores id, meta and groups sent by the client', () => {
    const { resource } = validateResource('User', { schemas: [USER], id: 'x', meta: { created: 'y' }, groups: [{ value: 'g' }], userName: 'a' });
    expect(resource).toEqual({ schemas: [USER], userName: 'a' });
  });

  it('ignores attributes the schema does not define', () => {
    const { resource } = validateResource('User', {
      schemas: [USER, 'urn:example:custom'],
      userName: 'a',
      favouriteColour: 'green',
      'urn:example:custom': { shoeSize: 44 },
    });
    expect(resource).toEqual({ schemas: [USER], userName: 'a' });
  });

  it('wraps a single object given for a multi-valued attribute', () => {
    const { resource } = validateResource('User', { schemas: [USER], userName: 'a', emails: { value: 'a@b.c' } });
    expect(resource.emails).toEqual([{ value: 'a@b.c' }]);
  });

  it('drops an exact repeat of a multi-valued value and keeps values that differ (Okta: a value/type pair appears once)', () => {
    const work = { value: 'a@b.c', type: 'work' };
    const { resource } = validateResource('User', { schemas: [USER], userName: 'a', emails: [work, { ...work }, { ...work, type: 'home' }], roles: [{ value: 'x' }, { value: 'x' }] });
    expect(resource.emails).toEqual([work, { ...work, type: 'home' }]);
    expect(resource.roles).toEqual([{ value: 'x' }]);
  });

  it('keeps values exactly as sent', () => {
    const { resource } = validateResource('User', { schemas: [USER], userName: ' A ', phoneNumbers: [{ value: '55555555555', type: 'work' }] });
    expect(resource.userName).toBe(' A ');
    expect(resource.phoneNumbers).toEqual([{ value: '55555555555', type: 'work' }]);
  });

  it.each([
    ['missing userName', { schemas: [USER] }, 'invalidValue'],
    ['empty userName', { schemas: [USER], userName: '' }, 'invalidValue'],
    ['blank userName', { schemas: [USER], userName: '   ' }, 'invalidValue'],
    ['number for a string', { schemas: [USER], userName: 'a', displayName: 5 }, 'invalidValue'],
    ['object for a string', { schemas: [USER], userName: 'a', title: { x: 1 } }, 'invalidValue'],
    ['string for a complex without value', { schemas: [USER], userName: 'a', name: 'Barbara' }, 'invalidValue'],
    ['two primaries', { schemas: [USER], userName: 'a', emails: [{ value: 'a', primary: true }, { value: 'b', primary: 'True' }] }, 'invalidValue'],
    ['two values for a single-valued attribute', { schemas: [USER], userName: 'a', nickName: ['a', 'b'] }, 'invalidValue'],
    ['no schemas', { userName: 'a' }, 'invalidSyntax'],
    ['schemas without the core schema', { schemas: [ENTERPRISE], userName: 'a' }, 'invalidSyntax'],
    ['the same attribute twice in different case', { schemas: [USER], userName: 'a', USERNAME: 'b' }, 'invalidSyntax'],
    ['an array body', [], 'invalidSyntax'],
    ['a non-object extension', { schemas: [USER], userName: 'a', [ENTERPRISE]: 'x' }, 'invalidValue'],
    ['a bad x509 certificate', { schemas: [USER], userName: 'a', x509Certificates: [{ value: 'not base64!' }] }, 'invalidValue'],
  ])('rejects %s', (_name, body, scimType) => {
    expect(rejection(() => validateResource('User', body))).toMatchObject({ status: 400, scimType });
  });
});

describe('validateResource for groups', () => {
  it('accepts the Entra create body with the ADSCIM schema URI', () => {
    const result = validateResource('Group', {
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
      schemas: [GROUP, ADSCIM_GROUP],
    });
    expect(result).toEqual({ resource: { schemas: [GROUP], externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', displayName: 'displayName' } });
  });

  it('hands members out separately (Okta group push with members: [])', () => {
    const result = validateResource('Group', { schemas: [GROUP], displayName: 'Test SCIMv2', members: [] });
    expect(result).toEqual({ resource: { schemas: [GROUP], displayName: 'Test SCIMv2' }, members: [] });
  });

  it('ignores member type and display (readOnly: the server takes them from the member) and drops null $ref', () => {
    const result = validateResource('Group', {
      schemas: [GROUP],
      displayName: 'g',
      members: [{ value: 'u1', $ref: null, type: 'user' }, { value: 'g2', type: 'GROUP', display: 'Other' }],
    });
    expect(result.members).toEqual([{ value: 'u1' }, { value: 'g2' }]);
    expect(validateResource('Group', { schemas: [GROUP], displayName: 'g', members: [{ value: 'x', type: 'Device' }] }).members).toEqual([{ value: 'x' }]);
  });

  it.each([
    ['a group without displayName (RFC 7643 §4.2)', { schemas: [GROUP] }],
    ['a member without value', { schemas: [GROUP], displayName: 'g', members: [{ display: 'x' }] }],
  ])('rejects %s with invalidValue', (_name, body) => {
    expect(rejection(() => validateResource('Group', body))).toMatchObject({ scimType: 'invalidValue' });
  });
});
