import { Entry } from 'ldapts';
import { equality, first, LdapPresetRules, replace } from './ldap-preset';

/** ppolicy's "locked by an administrator until unlocked" value (draft-behera-ldap-password-policy §5.3.3). */
export const PERMANENT_LOCK = '000001010000Z';

/**
 * OpenLDAP with inetOrgPerson users (RFC 2798) under `uid=<userName>` and groupOfNames groups (RFC 4519) under
 * `cn=<displayName>`; deactivation through the ppolicy overlay's pwdAccountLockedTime, or a configured
 * attribute; passwords as `{ARGON2}` + our argon2id hash, which slapd's argon2 module verifies.
 */
export const OPENLDAP_PRESET: LdapPresetRules = {
  name: 'openldap',
  idAttribute: 'entryUUID',
  idFilter: (id) => equality('entryUUID', id),
  idOf: (entry: Entry) => first(entry, 'entryUUID'),
  userStateAttributes: ['pwdAccountLockedTime', 'userPassword'],
  user: {
    rdn: ['uid', 'userName'],
    objectClasses: ['inetOrgPerson'],
    mapping: {
      cn: 'displayName|name.formatted|userName',
      sn: 'name.familyName|userName',
      givenName: 'name.givenName',
      displayName: 'displayName',
      mail: 'emails',
      telephoneNumber: 'phoneNumbers',
      title: 'title',
      employeeNumber: 'enterprise.employeeNumber',
      departmentNumber: 'enterprise.department',
      manager: 'enterprise.manager',
    },
  },
  group: { rdn: ['cn', 'displayName'], objectClasses: ['groupOfNames'], mapping: {} },
  placeholderMember: '',
  stateChanges(active, entry, settings) {
    if (settings.deactivation) {
      const { attribute, value } = settings.deactivation;
      const marked = first(entry, attribute) === value;
      if (active === !marked) return [];
      return [replace(attribute, active ? [] : [value])];
    }
    const locked = first(entry, 'pwdAccountLockedTime');
    // A lockout ppolicy set by itself after failed binds (a timestamp) is the directory's business: only
    // our permanent lock is lifted on reactivation.
    if (active) return locked === PERMANENT_LOCK ? [replace('pwdAccountLockedTime', [])] : [];
    return locked === PERMANENT_LOCK ? [] : [replace('pwdAccountLockedTime', [PERMANENT_LOCK])];
  },
  passwordChange(passwordHash, entry) {
    const value = `{ARGON2}${passwordHash}`;
    return first(entry, 'userPassword') === value ? undefined : replace('userPassword', [value]);
  },
};
