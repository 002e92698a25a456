import { ScimValidationError } from '../resource-model/scim-validation-error';
import { validateReplacement } from './validate-replacement';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const stored = {
  schemas: [USER, ENTERPRISE],
  userName: 'test.user@okta.local',
  externalId: '00ujl29u0le5T6Aj10h7',
  name: { givenName: 'Test', familyName: 'User' },
  nickName: 'Testy',
  emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
  active: true,
  [ENTERPRISE]: { department: 'Sales' },
};

describe('validateReplacement (PUT, RFC 7644 §3.5.1)', () => {
  it('accepts the object Okta read, with id, meta and groups, and replaces the rest (OKTA-REF "Update a specific User (PUT)")', () => {
    const body = {
      schemas: [USER],
      id: '23a35c27-23d3-4c03-b4c5-6443c09e7173',
      userName: 'test.user@okta.local',
      name: { givenName: 'Another', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Another User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: 'OktaR0cks!',
      active: 'False',
      meta: { resourceType: 'User', created: '2026-11-23T09:00:00Z' },
    };
    const result = validateReplacement('User', body, stored);
    expect(result.password).toBe('OktaR0cks!');
    expect(result.resource).toEqual({
      schemas: [USER],
      userName: 'test.user@okta.local',
      name: { givenName: 'Another', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Another User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: false,
    });
  });

  it('clears omitted readWrite attributes, extension ones included, but keeps active (never unassigned by an update)', () => {
    const { resource } = validateReplacement('User', { schemas: [USER], userName: 'x' }, stored);
    expect(resource).toEqual({ schemas: [USER], userName: 'x', active: stored.active });
  });

  it('applies POST validation', () => {
    expect(() => validateReplacement('User', { schemas: [USER] }, stored)).toThrow(ScimValidationError);
  });

  it('replaces group members when the body has them, also with [] or null', () => {
    const group = { schemas: [GROUP], displayName: 'Sales' };
    expect(validateReplacement('Group', { schemas: [GROUP], displayName: 'Sales', members: [{ value: 'u1' }] }, group).members).toEqual([{ value: 'u1' }]);
    expect(validateReplacement('Group', { schemas: [GROUP], displayName: 'Sales', members: null }, group).members).toEqual([]);
    expect(validateReplacement('Group', { schemas: [GROUP], displayName: 'Sales', members: [] }, group).members).toEqual([]);
  });

  it('leaves group members alone when the body has no members', () => {
    const result = validateReplacement('Group', { schemas: [GROUP], id: 'g1', displayName: 'Renamed' }, { schemas: [GROUP], displayName: 'Sales' });
    expect(result).toEqual({ resource: { schemas: [GROUP], displayName: 'Renamed' } });
  });
});
