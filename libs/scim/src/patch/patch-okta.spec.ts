import { GROUP, GROUP_ID, patchGroup, patchUser, rejectsPatch, storedUser } from './patch-test-helpers';

// Request shapes from Okta's SCIM 2.0 reference (IDP-REQUIREMENTS.md section B).
describe('PATCH as Okta sends it', () => {
  it('deactivates and reactivates without path (OKTA-REF "Update a specific User (PATCH)")', () => {
    const deactivated = patchUser(storedUser(), { op: 'replace', value: { active: false } });
    expect(deactivated.resource.active).toBe(false);
    expect(patchUser(deactivated.resource, { op: 'replace', value: { active: true } }).resource.active).toBe(true);
  });

  it('hands a password sync out for hashing and keeps it out of the resource', () => {
    const result = patchUser(storedUser(), { op: 'replace', value: { password: 'OktaR0cks!' } });
    expect(result.password).toBe('OktaR0cks!');
    expect(result.resource).toEqual(storedUser());
    expect(result.changed).toBe(false);
  });

  const group = { schemas: [GROUP], displayName: 'Test SCIMv2' };

  it('renames a group with its unchanged id in the value (OKTA-REF "Update a specific Group name")', () => {
    const result = patchGroup(group, { op: 'replace', value: { id: GROUP_ID, displayName: 'Test SCIMv2 renamed' } });
    expect(result.resource).toEqual({ schemas: [GROUP], displayName: 'Test SCIMv2 renamed' });
    expect(result.memberChanges).toEqual([]);
  });

  it('rejects a rename whose value carries another id with mutability (IDP-REQUIREMENTS 75)', () => {
    expect(rejectsPatch('Group', group, { op: 'replace', value: { id: 'another-id', displayName: 'x' } })).toMatchObject({ status: 400, scimType: 'mutability' });
  });

  it('removes one member by filter and adds another in one request (OKTA-REF "Update specific Group membership")', () => {
    const result = patchGroup(
      group,
      { op: 'remove', path: 'members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]' },
      { op: 'add', path: 'members', value: [{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173', display: 'test.user@okta.local' }] },
    );
    expect(result.memberChanges).toEqual([
      { op: 'remove', ids: ['89bb1940-b905-4575-9e7f-6f887cfb368e'] },
      { op: 'add', members: [{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173' }] },
    ]);
    expect(result.resource).toEqual(group);
    expect(result.changed).toBe(false);
  });

  it('replaces all members with a full push (IDP-REQUIREMENTS 40)', () => {
    const result = patchGroup(group, { op: 'replace', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] });
    expect(result.memberChanges).toEqual([{ op: 'removeAll' }, { op: 'add', members: [{ value: 'u1' }, { value: 'u2' }] }]);
  });

  it('empties the group with a full push of no members', () => {
    expect(patchGroup(group, { op: 'replace', path: 'members', value: [] }).memberChanges).toEqual([{ op: 'removeAll' }]);
  });
});
