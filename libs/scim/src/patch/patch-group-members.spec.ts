import { GROUP, GROUP_ID, patchGroup, rejectsPatch } from './patch-test-helpers';

const group = { schemas: [GROUP], displayName: 'Sales' };

describe('PATCH on group members', () => {
  it('adds members the way Entra sends them, several per request (MS-TUT "Update Group [Add Members]")', () => {
    const result = patchGroup(group, {
      name: 'addMember',
      op: 'Add',
      path: 'members',
      value: [
        { $ref: null, value: 'f648f8d5-ea3e-4f7f-a2b4-bd4b5d5c87a6' },
        { $ref: null, value: 'a2b2c3d4-0000-4000-8000-000000000002' },
      ],
    });
    expect(result.memberChanges).toEqual([
      { op: 'add', members: [{ value: 'f648f8d5-ea3e-4f7f-a2b4-bd4b5d5c87a6' }, { value: 'a2b2c3d4-0000-4000-8000-000000000002' }] },
    ]);
  });

  it('removes only the listed members for Entra\'s remove with a value list (IDP-REQUIREMENTS 19, 72)', () => {
    const result = patchGroup(group, { name: 'removeMember', op: 'Remove', path: 'members', value: [{ $ref: null, value: 'a2c3e5b1f8d94e0c9a1b' }] });
    expect(result.memberChanges).toEqual([{ op: 'remove', ids: ['a2c3e5b1f8d94e0c9a1b'] }]);
  });

  it('removes by filtered path as Entra sends it with aadOptscim062020', () => {
    const result = patchGroup(group, { op: 'remove', path: 'members[value eq "f648f8d5-ea3e-4f7f-a2b4-bd4b5d5c87a6"]' });
    expect(result.memberChanges).toEqual([{ op: 'remove', ids: ['f648f8d5-ea3e-4f7f-a2b4-bd4b5d5c87a6'] }]);
  });

  it('turns an or of value equalities into ids', () => {
    const result = patchGroup(group, { op: 'remove', path: 'members[value eq "a" or value eq "b"]' });
    expect(result.memberChanges).toEqual([{ op: 'remove', ids: ['a', 'b'] }]);
  });

  it('removes all members for remove without value (RFC 7644 §3.5.2.2)', () => {
    expect(patchGroup(group, { op: 'remove', path: 'members' }).memberChanges).toEqual([{ op: 'removeAll' }]);
  });

  it('hands other member filters to storage as a filter', () => {
    const result = patchGroup(group, { op: 'remove', path: 'members[type eq "Group"]' });
    expect(result.memberChanges).toEqual([{ op: 'removeWhere', filter: expect.objectContaining({ kind: 'compare', operator: 'eq', value: 'Group' }), requireMatch: false }]);
  });

  it('replaces filtered members as remove (requiring a match) then add', () => {
    const result = patchGroup(group, { op: 'replace', path: 'members[value eq "a"]', value: { value: 'b' } });
    expect(result.memberChanges).toEqual([
      { op: 'removeWhere', filter: expect.objectContaining({ kind: 'compare' }), requireMatch: true },
      { op: 'add', members: [{ value: 'b' }] },
    ]);
  });

  it('merges one-member Add operations into one change and drops repeated ids', () => {
    const result = patchGroup(
      group,
      { op: 'Add', path: 'members', value: [{ value: 'a' }] },
      { op: 'Add', path: 'members', value: [{ value: 'b' }, { value: 'a' }] },
      { op: 'Remove', path: 'members', value: [{ value: 'c' }] },
      { op: 'Remove', path: 'members', value: [{ value: 'd' }] },
    );
    expect(result.memberChanges).toEqual([
      { op: 'add', members: [{ value: 'a' }, { value: 'b' }] },
      { op: 'remove', ids: ['c', 'd'] },
    ]);
  });

  it('keeps only what follows a remove-all', () => {
    const result = patchGroup(group, { op: 'add', path: 'members', value: [{ value: 'a' }] }, { op: 'remove', path: 'members' }, { op: 'add', path: 'members', value: { value: 'b' } });
    expect(result.memberChanges).toEqual([{ op: 'removeAll' }, { op: 'add', members: [{ value: 'b' }] }]);
  });

  it('adds members and renames in one no-path replace', () => {
    const result = patchGroup(group, { op: 'Replace', value: { id: GROUP_ID, displayName: 'New', members: [{ value: 'a', type: 'User' }] } });
    expect(result.resource).toEqual({ schemas: [GROUP], displayName: 'New' });
    expect(result.memberChanges).toEqual([{ op: 'removeAll' }, { op: 'add', members: [{ value: 'a' }] }]);
  });

  it('renames with Entra\'s "Replace" on displayName', () => {
    expect(patchGroup(group, { op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' }).resource.displayName).toBe(
      '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
    );
  });

  it.each([
    ['a member sub-attribute', { op: 'replace', path: 'members[value eq "a"].display', value: 'x' }, 'mutability'],
    ['members.value', { op: 'replace', path: 'members.value', value: 'x' }, 'mutability'],
    ['add on a filtered members path', { op: 'add', path: 'members[value eq "a"]', value: { value: 'a' } }, 'invalidPath'],
    ['a member without value', { op: 'add', path: 'members', value: [{ display: 'x' }] }, 'invalidValue'],
    ['removing displayName (RFC 7643 §4.2 REQUIRED, RFC 7644 §3.5.2.2)', { op: 'remove', path: 'displayName' }, 'mutability'],
    ['an unknown sub-attribute in a member filter', { op: 'remove', path: 'members[foo eq "a"]' }, 'invalidPath'],
  ])('rejects %s', (_name, operation, scimType) => {
    expect(rejectsPatch('Group', group, operation)).toMatchObject({ status: 400, scimType });
  });
});
