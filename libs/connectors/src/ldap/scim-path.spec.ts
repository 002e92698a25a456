import { valueAt } from './scim-path';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const user = {
  id: 'u1',
  userName: 'Barbara.Jensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: 'home@example.com', type: 'home' }, { value: 'bjensen@example.com', type: 'work', primary: true }],
  phoneNumbers: [{ value: '+1 555 0100' }],
  active: false,
  [ENTERPRISE]: { department: 'R&D', manager: { value: 'store-id-of-boss' } },
};

describe('valueAt (SCIM path → LDAP value)', () => {
  it('reads dotted paths case-insensitively', () => {
    expect(valueAt(user, 'name.givenName')).toBe('Barbara');
    expect(valueAt(user, 'NAME.FAMILYNAME')).toBe('Jensen');
  });

  it('takes the primary value of a multi-valued attribute, else the first', () => {
    expect(valueAt(user, 'emails')).toBe('bjensen@example.com');
    expect(valueAt(user, 'phoneNumbers')).toBe('+1 555 0100');
  });

  it('reads the enterprise extension, including the manager reference', () => {
    expect(valueAt(user, 'enterprise.department')).toBe('R&D');
    expect(valueAt(user, 'enterprise.manager')).toBe('store-id-of-boss');
  });

  it('falls back through alternatives separated by |', () => {
    expect(valueAt(user, 'displayName|name.formatted|userName')).toBe('Barbara.Jensen@example.com');
    expect(valueAt(user, 'nickName|name.givenName')).toBe('Barbara');
  });

  it('derives an AD sAMAccountName: the userName before @, at most 20 characters', () => {
    expect(valueAt(user, 'userName:localPart')).toBe('Barbara.Jensen');
    expect(valueAt({ id: 'x', userName: 'a-very-long-user-name-indeed@example.com' }, 'userName:localPart')).toBe('a-very-long-user-nam');
  });

  it('renders booleans and numbers as strings and answers undefined for what is absent', () => {
    expect(valueAt(user, 'active')).toBe('false');
    expect(valueAt(user, 'title')).toBeUndefined();
    expect(valueAt(user, 'name.middleName')).toBeUndefined();
  });
});
