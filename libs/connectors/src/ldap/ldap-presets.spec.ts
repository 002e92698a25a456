import { Change } from 'ldapts';
import { ACTIVE_DIRECTORY_PRESET, bytesToGuid, guidToBytes } from './active-directory-preset';
import { LdapSettings } from './ldap-settings';
import { OPENLDAP_PRESET, PERMANENT_LOCK } from './openldap-preset';

const settings: LdapSettings = {
  bindDn: 'cn=admin', usersDn: 'ou=people', groupsDn: 'ou=groups', preset: 'openldap', mapping: {}, startTls: false, caCertificate: null, deactivation: null,
};
const described = (changes: Change[]) => changes.map((c) => [c.operation, c.modification.type, c.modification.values.map(String)]);

describe('Active Directory preset', () => {
  it('turns objectGUID bytes into the usual GUID string and back ([MS-DTYP] §2.3.4)', () => {
    // {6F9619FF-8B86-D011-B42D-00C04FC964FF} is stored as FF19966F 868B 11D0 B42D00C04FC964FF.
    const bytes = Buffer.from('ff19966f868b11d0b42d00c04fc964ff', 'hex');
    expect(bytesToGuid(bytes)).toBe('6f9619ff-8b86-d011-b42d-00c04fc964ff');
    expect(guidToBytes('6F9619FF-8B86-D011-B42D-00C04FC964FF')).toEqual(bytes);
    expect(guidToBytes('not-a-guid')).toHaveLength(0);
  });

  it('sets and clears only the ACCOUNTDISABLE bit of userAccountControl, keeping the other flags', () => {
    const entry = (uac: number) => ({ dn: 'cn=x', userAccountControl: String(uac) });
    expect(described(ACTIVE_DIRECTORY_PRESET.stateChanges(false, entry(0x10200), settings))).toEqual([['replace', 'userAccountControl', [String(0x10202)]]]);
    expect(described(ACTIVE_DIRECTORY_PRESET.stateChanges(true, entry(0x10202), settings))).toEqual([['replace', 'userAccountControl', [String(0x10200)]]]);
    expect(ACTIVE_DIRECTORY_PRESET.stateChanges(true, entry(0x200), settings)).toEqual([]);
  });
});

describe('OpenLDAP preset', () => {
  it('locks with ppolicy permanently and unlocks only its own lock', () => {
    expect(described(OPENLDAP_PRESET.stateChanges(false, { dn: 'uid=x' }, settings))).toEqual([['replace', 'pwdAccountLockedTime', [PERMANENT_LOCK]]]);
    expect(described(OPENLDAP_PRESET.stateChanges(true, { dn: 'uid=x', pwdAccountLockedTime: PERMANENT_LOCK }, settings))).toEqual([['replace', 'pwdAccountLockedTime', []]]);
    // A lockout ppolicy set after failed binds is left to ppolicy.
    expect(OPENLDAP_PRESET.stateChanges(true, { dn: 'uid=x', pwdAccountLockedTime: '20261205080000Z' }, settings)).toEqual([]);
  });

  it('uses a configured attribute and value instead when there is no ppolicy', () => {
    const custom = { ...settings, deactivation: { attribute: 'employeeType', value: 'disabled' } };
    expect(described(OPENLDAP_PRESET.stateChanges(false, { dn: 'uid=x' }, custom))).toEqual([['replace', 'employeeType', ['disabled']]]);
    expect(described(OPENLDAP_PRESET.stateChanges(true, { dn: 'uid=x', employeeType: 'disabled' }, custom))).toEqual([['replace', 'employeeType', []]]);
    expect(OPENLDAP_PRESET.stateChanges(true, { dn: 'uid=x' }, custom)).toEqual([]);
  });

  it('writes our argon2id hash with the {ARGON2} scheme, and only when the entry does not have it already', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    expect(described([OPENLDAP_PRESET.passwordChange!(hash, { dn: 'uid=x' })!])).toEqual([['replace', 'userPassword', [`{ARGON2}${hash}`]]]);
    expect(OPENLDAP_PRESET.passwordChange!(hash, { dn: 'uid=x', userPassword: `{ARGON2}${hash}` })).toBeUndefined();
  });
});
