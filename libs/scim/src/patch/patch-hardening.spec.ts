import { validateReplacement } from '../validation/validate-replacement';
import { validateResource } from '../validation/validate-resource';
import { ENTERPRISE, patchGroup, patchUser, rejectsPatch, storedUser, USER } from './patch-test-helpers';

describe('PATCH and PUT found by outside testing', () => {
  describe('a disabled user stays disabled unless active is set to true', () => {
    const disabled = storedUser({ active: false, title: 'x' });

    it('keeps active false on remove, and on replace or add with null or ""', () => {
      for (const operation of [
        { op: 'remove', path: 'active' },
        { op: 'replace', path: 'active', value: null },
        { op: 'Replace', path: 'active', value: '' },
        { op: 'add', value: { active: null } },
      ]) {
        const result = patchUser(disabled, operation);
        expect(result.resource.active).toBe(false);
        expect(result.changed).toBe(false);
      }
      expect(patchUser(disabled, { op: 'replace', path: 'active', value: true }).resource.active).toBe(true);
    });

    it('keeps active false on a PUT that leaves active out', () => {
      expect(validateReplacement('User', { schemas: [USER], userName: 'bjensen@example.com' }, disabled).resource.active).toBe(false);
      expect(validateReplacement('User', { schemas: [USER], userName: 'b', active: true }, disabled).resource.active).toBe(true);
    });
  });

  describe('the bare enterprise extension URN as path', () => {
    const withExtension = storedUser({ schemas: [USER, ENTERPRISE], [ENTERPRISE]: { department: 'Sales', costCenter: '4130' } });

    it('adds and replaces the attributes of the value, leaving the others', () => {
      for (const op of ['add', 'Replace']) {
        const { resource } = patchUser(withExtension, { op, path: ENTERPRISE, value: { department: 'Tour Operations', manager: { value: 'm-1' } } });
        expect(resource[ENTERPRISE]).toEqual({ department: 'Tour Operations', costCenter: '4130', manager: { value: 'm-1' } });
        expect(resource.schemas).toEqual([USER, ENTERPRISE]);
      }
      const fresh = patchUser(storedUser(), { op: 'add', path: ENTERPRISE.toUpperCase(), value: { employeeNumber: '701984' } });
      expect(fresh.resource[ENTERPRISE]).toEqual({ employeeNumber: '701984' });
    });

    it('removes the attributes the value names, or the whole extension without a value', () => {
      expect(patchUser(withExtension, { op: 'remove', path: ENTERPRISE, value: { department: 'Sales' } }).resource[ENTERPRISE]).toEqual({ costCenter: '4130' });
      const { resource } = patchUser(withExtension, { op: 'remove', path: ENTERPRISE });
      expect(resource[ENTERPRISE]).toBeUndefined();
      expect(resource.schemas).toEqual([USER]);
    });

    it('rejects a value that is not an object with invalidValue', () => {
      expect(rejectsPatch('User', withExtension, { op: 'add', path: ENTERPRISE, value: 'Sales' })).toMatchObject({ scimType: 'invalidValue' });
    });
  });

  describe('a bare value where a multi-valued complex attribute is expected', () => {
    it('is 400 invalidValue on POST, PUT and PATCH', () => {
      const rejections = [
        () => validateResource('User', { schemas: [USER], userName: 'a', emails: 'someone@example.com' }),
        () => validateResource('User', { schemas: [USER], userName: 'a', phoneNumbers: ['555-0100'] }),
        () => validateReplacement('User', { schemas: [USER], userName: 'a', roles: 'admin' }, storedUser()),
        () => patchUser(storedUser(), { op: 'add', path: 'emails', value: 'someone@example.com' }),
        () => patchUser(storedUser(), { op: 'add', value: { emails: 'someone@example.com' } }),
        () => patchGroup({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'g' }, { op: 'add', path: 'members', value: ['2819c223'] }),
      ];
      for (const reject of rejections) expect(reject).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
    });

    it('keeps the Entra manager leniency: a plain id string is the manager value', () => {
      const { resource } = patchUser(storedUser(), { op: 'Add', path: `${ENTERPRISE}:manager`, value: 'm-42' });
      expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'm-42' } });
    });
  });
});
