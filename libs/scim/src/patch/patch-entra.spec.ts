import { ENTERPRISE, patchUser, rejectsPatch, storedUser, USER } from './patch-test-helpers';

// Request shapes as Microsoft Entra ID sends them (docs/entra.md; Microsoft Learn "Develop and plan provisioning for a SCIM endpoint" and "Known issues … SCIM 2.0 protocol compliance").
describe('PATCH users as Entra ID sends it', () => {
  it('disables a user with PascalCase "Replace" and the string "False" (MS-KI)', () => {
    const { resource, changed } = patchUser(storedUser(), { op: 'Replace', path: 'active', value: 'False' });
    expect(resource.active).toBe(false);
    expect(changed).toBe(true);
  });

  it('re-enables with "True" and with the boolean true', () => {
    const disabled = storedUser({ active: false });
    expect(patchUser(disabled, { op: 'Replace', path: 'active', value: 'True' }).resource.active).toBe(true);
    expect(patchUser(disabled, { op: 'replace', path: 'active', value: true }).resource.active).toBe(true);
  });

  it('replaces several attributes without path, with dotted and URN keys (MS-KI, aadOptscim062020)', () => {
    const { resource } = patchUser(storedUser({ name: { givenName: 'Barbara', formatted: 'Ms. Barbara J Jensen' } }), {
      op: 'replace',
      value: {
        displayName: 'Babs Jensen',
        'name.givenName': 'Babs',
        'name.familyName': 'Jensen',
        [`${ENTERPRISE}:employeeNumber`]: '701984',
      },
    });
    expect(resource).toEqual({
      schemas: [USER, ENTERPRISE],
      userName: 'bjensen@example.com',
      active: true,
      displayName: 'Babs Jensen',
      name: { givenName: 'Babs', familyName: 'Jensen', formatted: 'Ms. Barbara J Jensen' },
      [ENTERPRISE]: { employeeNumber: '701984' },
    });
  });

  it('replaces a filtered email value together with name.familyName (MS-TUT "Update User [Multi-valued properties]")', () => {
    const current = storedUser({ emails: [{ type: 'work', value: 'old@contoso.com', primary: true }], name: { familyName: 'Old' } });
    const { resource } = patchUser(
      current,
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    );
    expect(resource.emails).toEqual([{ type: 'work', value: 'updatedEmail@microsoft.com', primary: true }]);
    expect(resource.name).toEqual({ familyName: 'updatedFamilyName' });
  });

  it.each([
    ['emails[type eq "work"].value', 'emails', { type: 'work', value: 'new@contoso.com' }, 'new@contoso.com'],
    ['addresses[type eq "work"].locality', 'addresses', { type: 'work', locality: 'Redmond' }, 'Redmond'],
    ['phoneNumbers[type eq "mobile"].value', 'phoneNumbers', { type: 'mobile', value: '55555555555' }, '55555555555'],
  ])('creates the element for Add on %s when none matches (docs/scim.md: add on a filtered path)', (path, attribute, element, value) => {
    const { resource } = patchUser(storedUser(), { op: 'Add', path, value });
    expect(resource[attribute]).toEqual([element]);
  });

  it('adds to the matching element instead of creating a second one', () => {
    const current = storedUser({ addresses: [{ type: 'work', streetAddress: '1 Main St' }] });
    const { resource } = patchUser(current, { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' });
    expect(resource.addresses).toEqual([{ type: 'work', streetAddress: '1 Main St', locality: 'Redmond' }]);
  });

  it('adds a single-valued string with Add (MS-TUT "Update User [Single-valued properties]")', () => {
    expect(patchUser(storedUser(), { op: 'Add', path: 'nickName', value: 'Babs' }).resource.nickName).toBe('Babs');
  });

  it('replaces userName', () => {
    expect(patchUser(storedUser(), { op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' }).resource.userName).toBe(
      '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com',
    );
  });

  describe('manager exactly as the gallery validation sends it (MS-LA SCIM_Update_Manager_Test)', () => {
    const path = `${ENTERPRISE}:manager`;

    it('sets it with "Add" and a plain id string, stored as a complex value', () => {
      const { resource } = patchUser(storedUser(), { op: 'Add', path, value: 'b1e2f3a4-0000-4000-8000-000000000001' });
      expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'b1e2f3a4-0000-4000-8000-000000000001' } });
      expect(resource.schemas).toEqual([USER, ENTERPRISE]);
    });

    it('changes it with "replace" and another id', () => {
      const current = storedUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm-1', $ref: '../Users/m-1' }, department: 'Sales' } });
      const { resource } = patchUser(current, { op: 'replace', path, value: 'm-2' });
      expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'm-2' }, department: 'Sales' });
    });

    it('removes it with "replace" and an empty string, dropping the empty extension', () => {
      const current = storedUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm-1' } } });
      const { resource } = patchUser(current, { op: 'replace', path, value: '' });
      expect(resource).toEqual(storedUser());
    });

    it('accepts {value} and the older array form with a bare "manager" path (MS-TUT Example 5)', () => {
      expect(patchUser(storedUser(), { op: 'replace', path, value: { value: 'm-3' } }).resource[ENTERPRISE]).toEqual({ manager: { value: 'm-3' } });
      const older = patchUser(storedUser(), { op: 'Add', path: 'manager', value: [{ $ref: null, value: 'm-4' }] });
      expect(older.resource[ENTERPRISE]).toEqual({ manager: { value: 'm-4' } });
    });

    it('removes it with the older filtered form only when the id matches (thomaspoignant/scim-patch #453)', () => {
      const current = storedUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { manager: { value: 'm-1' }, department: 'Sales' } });
      expect(patchUser(current, { op: 'remove', path: 'manager[value eq "m-2"]' }).changed).toBe(false);
      expect(patchUser(current, { op: 'remove', path: 'manager[value eq "m-1"]' }).resource[ENTERPRISE]).toEqual({ department: 'Sales' });
    });

    it('sets the manager through a no-path value with the URN key', () => {
      const { resource } = patchUser(storedUser(), { op: 'Replace', value: { [path]: 'm-5' } });
      expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'm-5' } });
    });
  });

  describe('null updates for core, sub-attribute, filtered and extension paths (MS-LA SCIM_Null_Update_Test)', () => {
    const current = storedUser({
      schemas: [USER, ENTERPRISE],
      title: 'Engineer',
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ type: 'work', value: 'b@contoso.com', primary: true }, { type: 'home', value: 'b@home.example' }],
      [ENTERPRISE]: { department: 'Sales' },
    });

    it.each(['', null])('clears each attribute with value %p', (value) => {
      const { resource } = patchUser(
        current,
        { op: 'replace', path: 'title', value },
        { op: 'replace', path: 'name.givenName', value },
        { op: 'replace', path: 'emails[type eq "work"].value', value },
        { op: 'replace', path: `${ENTERPRISE}:department`, value },
      );
      expect(resource).toEqual(storedUser({ name: { familyName: 'Jensen' }, emails: [{ type: 'home', value: 'b@home.example' }] }));
    });

    it('accepts null after "" has already cleared the attribute', () => {
      const cleared = patchUser(current, { op: 'replace', path: 'emails[type eq "work"].value', value: '' }).resource;
      const again = patchUser(cleared, { op: 'replace', path: 'emails[type eq "work"].value', value: null }, { op: 'replace', path: 'title', value: null });
      expect(again.resource.emails).toEqual([{ type: 'home', value: 'b@home.example' }]);
      expect(again.resource).not.toHaveProperty('title');
    });
  });

  it('adds and removes app roles with "True" for primary (appRoleAssignments mapped to roles)', () => {
    const role = { primary: 'True', type: 'WindowsAzureActiveDirectoryRole', display: 'Admin', value: 'Admin' };
    const added = patchUser(storedUser(), { op: 'Add', path: 'roles', value: [role] });
    expect(added.resource.roles).toEqual([{ ...role, primary: true }]);
    expect(patchUser(added.resource, { op: 'Remove', path: 'roles', value: [{ value: 'Admin' }] }).resource).toEqual(storedUser());
  });

  it('ignores operations on schemas, which follow from the attributes', () => {
    const { resource } = patchUser(storedUser(), { op: 'add', path: 'schemas', value: [ENTERPRISE] }, { op: 'add', path: `${ENTERPRISE}:department`, value: 'Sales' });
    expect(resource.schemas).toEqual([USER, ENTERPRISE]);
  });

  it('rejects strings other than True/False for active with invalidValue (docs/scim.md: Entra True/False strings)', () => {
    expect(rejectsPatch('User', storedUser(), { op: 'Replace', path: 'active', value: 'no' })).toMatchObject({ scimType: 'invalidValue' });
  });
});
