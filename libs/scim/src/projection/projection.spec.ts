import fc from 'fast-check';
import { compileProjection } from './projection';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const meta = { resourceType: 'User', created: '2026-11-23T09:00:00Z', lastModified: '2026-11-23T09:00:00Z', location: 'https://h/scim/v2/Users/u1', version: 'W/"1"' };
const user = {
  schemas: [USER, ENTERPRISE],
  id: 'u1',
  externalId: 'ext-1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'b@example.com', type: 'work', primary: true }, { value: 'babs@home.example', type: 'home' }],
  password: 'must never show',
  groups: [{ value: 'g1', display: 'Sales' }],
  [ENTERPRISE]: { department: 'Tour', manager: { value: 'm1', displayName: 'Boss' } },
  meta,
};

describe('compileProjection', () => {
  it('returns every default attribute and never the password without parameters', () => {
    const { password: _password, ...visible } = user;
    expect(compileProjection('User').project(user)).toEqual(visible);
  });

  it('keeps id and schemas with an attributes list, drops meta and the rest (RFC 7644 §3.9)', () => {
    expect(compileProjection('User', { attributes: 'userName' }).project(user)).toEqual({ schemas: [USER], id: 'u1', userName: 'bjensen' });
  });

  it('selects sub-attributes, case-insensitively, per value of multi-valued attributes', () => {
    const projected = compileProjection('User', { attributes: 'NAME.givenname,emails.VALUE' }).project(user);
    expect(projected).toEqual({ schemas: [USER], id: 'u1', name: { givenName: 'Barbara' }, emails: [{ value: 'b@example.com' }, { value: 'babs@home.example' }] });
  });

  it('selects URN-qualified attributes and whole extensions', () => {
    expect(compileProjection('User', { attributes: `${ENTERPRISE}:department` }).project(user)).toEqual({ schemas: [USER, ENTERPRISE], id: 'u1', [ENTERPRISE]: { department: 'Tour' } });
    expect(compileProjection('User', { attributes: ENTERPRISE }).project(user)).toEqual({ schemas: [USER, ENTERPRISE], id: 'u1', [ENTERPRISE]: user[ENTERPRISE] });
    expect(compileProjection('User', { attributes: `${USER}:userName` }).project(user)).toEqual({ schemas: [USER], id: 'u1', userName: 'bjensen' });
  });

  it('excludes attributes, sub-attributes and extensions, but never id', () => {
    const projected = compileProjection('User', { excludedAttributes: `id,emails,name.familyName,meta,groups,${ENTERPRISE}` }).project(user);
    expect(projected).toEqual({ schemas: [USER], id: 'u1', externalId: 'ext-1', userName: 'bjensen', name: { givenName: 'Barbara' } });
  });

  it('never returns the password, even when asked for (RFC 7643 §4.1.1 returned: never)', () => {
    expect(compileProjection('User', { attributes: 'password,userName' }).project(user)).toEqual({ schemas: [USER], id: 'u1', userName: 'bjensen' });
  });

  it('ignores names the schema does not define', () => {
    expect(compileProjection('User', { attributes: 'shoeSize, userName ,' }).project(user)).toEqual({ schemas: [USER], id: 'u1', userName: 'bjensen' });
    expect(compileProjection('User', { excludedAttributes: 'shoeSize' }).project(user)).toHaveProperty('userName');
  });

  it('applies exclusions after an attributes list', () => {
    expect(compileProjection('User', { attributes: 'name', excludedAttributes: 'name.givenName' }).project(user)).toEqual({ schemas: [USER], id: 'u1', name: { familyName: 'Jensen' } });
  });

  describe('returns()', () => {
    it('tells whether group members would be returned (Entra: excludedAttributes=members)', () => {
      expect(compileProjection('Group').returns('members')).toBe(true);
      expect(compileProjection('Group', { excludedAttributes: 'members' }).returns('members')).toBe(false);
      expect(compileProjection('Group', { excludedAttributes: 'Members' }).returns('members')).toBe(false);
      expect(compileProjection('Group', { attributes: 'displayName' }).returns('members')).toBe(false);
      expect(compileProjection('Group', { attributes: 'members.value' }).returns('members')).toBe(true);
      expect(compileProjection('Group', { excludedAttributes: 'members.display' }).returns('members')).toBe(true);
    });

    it('answers for users too', () => {
      expect(compileProjection('User').returns('groups')).toBe(true);
      expect(compileProjection('User', { attributes: 'userName' }).returns('groups')).toBe(false);
      expect(compileProjection('User', { attributes: 'userName' }).returns('id')).toBe(true);
      expect(compileProjection('User').returns('password')).toBe(false);
      expect(compileProjection('User').returns('nope')).toBe(false);
    });
  });

  it('projects groups with members', () => {
    const group = { schemas: [GROUP], id: 'g1', displayName: 'Sales', members: [{ value: 'u1', display: 'bjensen', type: 'User' }], meta };
    expect(compileProjection('Group', { excludedAttributes: 'members' }).project(group)).toEqual({ schemas: [GROUP], id: 'g1', displayName: 'Sales', meta });
    expect(compileProjection('Group', { attributes: 'members.value' }).project(group)).toEqual({ schemas: [GROUP], id: 'g1', members: [{ value: 'u1' }] });
  });
});

describe('compileProjection on arbitrary parameters', () => {
  it('never throws', () => {
    const names = fc.oneof(fc.string(), fc.constantFrom('userName', 'name.givenName', 'emails.value', ENTERPRISE, `${ENTERPRISE}:manager.value`, 'urn:', '.', 'a.b.c', 'meta', 'id'));
    const list = fc.array(names, { maxLength: 4 }).map((parts) => parts.join(','));
    fc.assert(
      fc.property(fc.option(list, { nil: undefined }), fc.option(list, { nil: undefined }), fc.string(), (attributes, excludedAttributes, name) => {
        const projection = compileProjection('User', { attributes, excludedAttributes });
        const projected = projection.project(user);
        expect(projected.id).toBe('u1');
        expect(projected.schemas).toContain(USER);
        expect(projected).not.toHaveProperty('password');
        projection.returns(name);
      }),
      { numRuns: 500 },
    );
  });
});
