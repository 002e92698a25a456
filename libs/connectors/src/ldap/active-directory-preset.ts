import { Entry } from 'ldapts';
import { equality, first, LdapPresetRules, replace } from './ldap-preset';

/** userAccountControl flags ([MS-ADTS] §2.2.16): NORMAL_ACCOUNT, and ACCOUNTDISABLE for a disabled one. */
const NORMAL_ACCOUNT = 0x200;
const ACCOUNT_DISABLE = 0x2;

/**
 * Active Directory: `user` objects under `cn=<userName>` with sAMAccountName, userPrincipalName and
 * userAccountControl, `group` objects with member; the id is objectGUID in its usual string form. AD keeps
 * member DNs right on renames itself (linked attributes). Passwords are not written: AD takes only the clear
 * text (unicodePwd over LDAPS), and we keep only a hash. Not tested against a real AD (docs/connectors.md).
 */
export const ACTIVE_DIRECTORY_PRESET: LdapPresetRules = {
  name: 'active-directory',
  idAttribute: 'objectGUID',
  idFilter: (id) => equality('objectGUID', guidToBytes(id)),
  idOf: (entry: Entry) => {
    const raw = entry.objectGUID;
    const bytes = Array.isArray(raw) ? raw[0] : raw;
    return Buffer.isBuffer(bytes) && bytes.length === 16 ? bytesToGuid(bytes) : undefined;
  },
  userStateAttributes: ['userAccountControl'],
  user: {
    rdn: ['cn', 'userName'],
    objectClasses: ['top', 'person', 'organizationalPerson', 'user'],
    mapping: {
      sAMAccountName: 'userName:localPart',
      userPrincipalName: 'userName',
      givenName: 'name.givenName',
      sn: 'name.familyName',
      displayName: 'displayName',
      mail: 'emails',
      telephoneNumber: 'phoneNumbers',
      title: 'title',
      employeeNumber: 'enterprise.employeeNumber',
      department: 'enterprise.department',
      manager: 'enterprise.manager',
    },
    // Disabled, password required: AD refuses to enable it until it has a password its policy accepts.
    initial: { userAccountControl: [String(NORMAL_ACCOUNT | ACCOUNT_DISABLE)] },
  },
  group: { rdn: ['cn', 'displayName'], objectClasses: ['top', 'group'], mapping: { sAMAccountName: 'displayName' } },
  stateChanges(active, entry) {
    const current = Number(first(entry, 'userAccountControl') ?? NORMAL_ACCOUNT | ACCOUNT_DISABLE);
    const wanted = active ? current & ~ACCOUNT_DISABLE : current | ACCOUNT_DISABLE;
    return entry && wanted === current ? [] : [replace('userAccountControl', [String(wanted)])];
  },
};

/** objectGUID bytes → `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`: the first three groups are little-endian ([MS-DTYP] §2.3.4). */
export function bytesToGuid(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = Buffer.from(bytes.subarray(from, to));
    return (reverse ? part.reverse() : part).toString('hex');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

export function guidToBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return Buffer.alloc(0);
  const raw = Buffer.from(hex, 'hex');
  return Buffer.concat([raw.subarray(0, 4).reverse(), raw.subarray(4, 6).reverse(), raw.subarray(6, 8).reverse(), raw.subarray(8)]);
}
