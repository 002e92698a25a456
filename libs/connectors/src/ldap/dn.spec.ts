import { dnKey, rdnOf, splitDn } from './dn';

describe('DN helpers', () => {
  it('escapes RDN values as RFC 4514 §2.4 requires', () => {
    expect(rdnOf('uid', 'alice@example.com')).toBe('uid=alice@example.com');
    expect(rdnOf('cn', 'Sales, EMEA + "Ops"')).toBe('cn=Sales\\, EMEA \\+ \\"Ops\\"');
    expect(rdnOf('cn', '#1 team ')).toBe('cn=\\#1 team\\ ');
    expect(rdnOf('cn', 'a\\b;c<d>')).toBe('cn=a\\\\b\\;c\\<d\\>');
  });

  it('splits off the first RDN at the first unescaped comma', () => {
    expect(splitDn('cn=Sales\\, EMEA,ou=groups,dc=example,dc=org')).toEqual(['cn=Sales\\, EMEA', 'ou=groups,dc=example,dc=org']);
    expect(splitDn('dc=org')).toEqual(['dc=org', '']);
  });

  it('compares DNs without regard to case or spaces around separators', () => {
    expect(dnKey('UID=Alice, OU=People,dc=Example')).toBe(dnKey('uid=alice,ou=people,dc=example'));
  });
});
