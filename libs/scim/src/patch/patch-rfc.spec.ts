import { applyPatch } from './apply-patch';
import { ENTERPRISE, patchBody, patchUser, rejectsPatch, storedUser, USER, USER_ID } from './patch-test-helpers';

const work = { type: 'work', value: 'bjensen@example.com', primary: true };
const home = { type: 'home', value: 'babs@jensen.org' };

describe('PATCH users per RFC 7644 §3.5.2', () => {
  it('appends to a multi-valued attribute and treats re-adding a value as a no-op', () => {
    const current = storedUser({ emails: [work] });
    const added = patchUser(current, { op: 'add', path: 'emails', value: [home] });
    expect(added.resource.emails).toEqual([work, home]);
    const again = patchUser(added.resource, { op: 'add', path: 'emails', value: [{ value: 'BABS@jensen.org', type: 'home' }] });
    expect(again.resource.emails).toEqual([work, { type: 'home', value: 'BABS@jensen.org' }]);
    const identical = patchUser(added.resource, { op: 'add', path: 'emails', value: [home] });
    expect(identical.changed).toBe(false);
  });

  it('stores an added value once even when a filtered path creates a copy of one already there (fast-check counterexample)', () => {
    const email = { value: 'b@x.com', type: 'work' };
    const result = patchUser(storedUser({ emails: [email] }), { op: 'add', path: 'emails[type eq "home"]', value: email });
    expect(result.resource.emails).toEqual([email]);
    expect(result.changed).toBe(false);
  });

  it('merges an add without path into the values already there', () => {
    const { resource } = patchUser(storedUser({ emails: [work] }), { op: 'add', value: { emails: [home], nickName: 'Babs' } });
    expect(resource).toEqual(storedUser({ emails: [work, home], nickName: 'Babs' }));
  });

  it('moves primary to a newly added value (§3.5.2: others become false)', () => {
    const { resource } = patchUser(storedUser({ emails: [work] }), { op: 'add', path: 'emails', value: [{ ...home, primary: true }] });
    expect(resource.emails).toEqual([{ ...work, primary: false }, { ...home, primary: true }]);
  });

  it('leaves unspecified sub-attributes unchanged when replacing a complex attribute (§3.5.2.3)', () => {
    const { resource } = patchUser(storedUser({ name: { givenName: 'Barbara', familyName: 'Jensen' } }), {
      op: 'replace',
      path: 'name',
      value: { givenName: 'Babs', middleName: null },
    });
    expect(resource.name).toEqual({ givenName: 'Babs', familyName: 'Jensen' });
  });

  it('replaces the whole set of a multi-valued attribute', () => {
    expect(patchUser(storedUser({ emails: [work, home] }), { op: 'replace', path: 'emails', value: [home] }).resource.emails).toEqual([home]);
  });

  it('removes filtered values, and removing what is not there changes nothing', () => {
    const current = storedUser({ emails: [work, home] });
    expect(patchUser(current, { op: 'remove', path: 'emails[type eq "work"]' }).resource.emails).toEqual([home]);
    expect(patchUser(current, { op: 'remove', path: 'emails[type eq "other"]' }).changed).toBe(false);
    expect(patchUser(current, { op: 'remove', path: 'emails' }).resource).toEqual(storedUser());
  });

  it('removes the listed values for a remove with a value', () => {
    expect(patchUser(storedUser({ emails: [work, home] }), { op: 'remove', path: 'emails', value: [{ value: 'babs@jensen.org' }] }).resource.emails).toEqual([work]);
  });

  it('sets a sub-attribute on every value for a path without filter', () => {
    const { resource } = patchUser(storedUser({ emails: [work, home] }), { op: 'replace', path: 'emails.type', value: 'other' });
    expect(resource.emails).toEqual([{ ...work, type: 'other' }, { ...home, type: 'other' }]);
  });

  it('matches value filters with case-insensitive names, operators and values', () => {
    const current = storedUser({ emails: [work, home] });
    const { resource } = patchUser(current, { op: 'replace', path: 'emails[TYPE EQ "HOME" and value co "jensen"].display', value: 'Babs' });
    expect(resource.emails).toEqual([work, { ...home, display: 'Babs' }]);
  });

  it('treats replace of an absent attribute as add', () => {
    expect(patchUser(storedUser(), { op: 'replace', path: `${ENTERPRISE}:department`, value: 'Tour' }).resource).toEqual(
      storedUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { department: 'Tour' } }),
    );
  });

  it('accepts "Operations" and "op" in any case', () => {
    const result = applyPatch('User', storedUser(), { SCHEMAS: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], operations: [{ OP: 'REPLACE', Path: 'title', Value: 'Boss' }] });
    expect(result.resource.title).toBe('Boss');
  });

  it('tolerates an unchanged id and ignores unknown keys in a value without path', () => {
    const result = patchUser(storedUser(), { op: 'replace', value: { id: USER_ID, schemas: [USER], shoeSize: 44, title: 'Boss' } });
    expect(result.resource).toEqual(storedUser({ title: 'Boss' }));
  });

  it('applies nothing when one operation fails (§3.5.2 atomicity)', () => {
    const current = storedUser({ title: 'Engineer' });
    const snapshot = structuredClone(current);
    expect(rejectsPatch('User', current, { op: 'replace', path: 'title', value: 'Boss' }, { op: 'replace', path: 'nope', value: 1 })).toMatchObject({ scimType: 'invalidPath' });
    expect(current).toEqual(snapshot);
  });

  it.each([
    ['remove without path (§3.5.2.2)', { op: 'remove' }, 'noTarget'],
    ['replace with a filter that matches nothing (§3.5.2.3)', { op: 'replace', path: 'emails[type eq "other"].value', value: 'x' }, 'noTarget'],
    ['replace with a filter that matches nothing and describes no value (§3.5.2.3)', { op: 'replace', path: 'emails[type ne "work"].value', value: 'x' }, 'noTarget'],
    ['add on a filter that describes no single value', { op: 'add', path: 'emails[type ne "work"].value', value: 'x' }, 'noTarget'],
    ['an unknown attribute', { op: 'replace', path: 'shoeSize', value: 44 }, 'invalidPath'],
    ['an unknown sub-attribute', { op: 'replace', path: 'name.nickname', value: 'x' }, 'invalidPath'],
    ['a path that does not parse', { op: 'replace', path: 'emails[type eq', value: 'x' }, 'invalidPath'],
    ['a filter on a simple single-valued attribute', { op: 'replace', path: 'title[value eq "a"]', value: 'x' }, 'invalidPath'],
    ['replace on a filtered complex attribute that does not match', { op: 'replace', path: 'name[givenName eq "a"].familyName', value: 'x' }, 'noTarget'],
    ['an ordering operator on a boolean', { op: 'remove', path: 'emails[primary gt true]' }, 'invalidFilter'],
    ['a number compared with a string sub-attribute', { op: 'remove', path: 'emails[value eq 5]' }, 'invalidFilter'],
    ['id', { op: 'replace', path: 'id', value: 'other' }, 'mutability'],
    ['meta', { op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }, 'mutability'],
    ['groups (RFC 7643 §4.1.2)', { op: 'add', path: 'groups', value: [{ value: 'g' }] }, 'mutability'],
    ['groups without path', { op: 'add', value: { groups: [{ value: 'g' }] } }, 'mutability'],
    ['manager.displayName', { op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'Boss' }, 'mutability'],
    ['removing the password', { op: 'remove', path: 'password' }, 'mutability'],
    ['removing userName (§3.5.2.2: a required attribute)', { op: 'remove', path: 'userName' }, 'mutability'],
    ['clearing userName with ""', { op: 'replace', path: 'userName', value: '' }, 'mutability'],
    ['a number for a string', { op: 'replace', path: 'title', value: 5 }, 'invalidValue'],
    ['an object for a boolean', { op: 'replace', path: 'active', value: {} }, 'invalidValue'],
    ['a non-object value without path', { op: 'replace', value: 'x' }, 'invalidValue'],
    ['two new primaries at once', { op: 'add', path: 'emails', value: [{ value: 'a', primary: true }, { value: 'b', primary: true }] }, 'invalidValue'],
    ['an unknown op', { op: 'merge', path: 'title', value: 'x' }, 'invalidSyntax'],
  ])('rejects %s', (_name, operation, scimType) => {
    expect(rejectsPatch('User', storedUser({ emails: [work] }), operation)).toMatchObject({ status: 400, scimType });
  });

  it.each([
    ['no schemas', { Operations: [{ op: 'add', path: 'title', value: 'x' }] }],
    ['no operations', patchBody()],
    ['operations that are not objects', patchBody('add')],
    ['a body that is not an object', 'add'],
  ])('rejects a body with %s as invalidSyntax', (_name, body) => {
    expect(() => applyPatch('User', storedUser(), body)).toThrow(expect.objectContaining({ scimType: 'invalidSyntax' }));
  });
});
