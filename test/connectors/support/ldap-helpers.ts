import { TestApp } from '../../support/test-app';
import { createTenant, TestTenant } from '../../support/factories';
import { ConnectorBody } from './connector-helpers';
import { TestSlapd } from './test-slapd';

/** Retries a little slower than CONNECTOR_TEST_ENV and for a minute, so a directory outage is ridden out. */
export const LDAP_TEST_ENV = {
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
  OUTBOUND_TIMEOUT_MS: '3000',
  DELIVERY_RETRY_BASE_MS: '200',
  DELIVERY_MAX_AGE_SECONDS: '60',
};

export interface LdapSetup {
  a: TestTenant;
  connector: ConnectorBody;
  usersDn: string;
  groupsDn: string;
}

/** A new tenant with an openldap connector into subtrees of its own on the test slapd. */
export async function ldapConnector(t: TestApp, slapd: TestSlapd, extra: Record<string, unknown> = {}): Promise<LdapSetup> {
  const a = await createTenant(t);
  const { usersDn, groupsDn } = await slapd.subtrees();
  const res = await t.http.post(`/admin/v1/tenants/${a.id}/connectors`).auth(t.adminToken, { type: 'bearer' }).send({
    type: 'ldap', url: slapd.url, bindDn: slapd.adminDn, bindPassword: slapd.adminPassword, usersDn, groupsDn, preset: 'openldap', ...extra,
  }).expect(201);
  return { a, connector: res.body, usersDn, groupsDn };
}

/** ldapts gives one value as a string, several as an array, and a requested attribute the entry lacks as []. */
export function values(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** The real member DNs of a group (without the empty placeholder), sorted. */
export async function memberDns(slapd: TestSlapd, groupsDn: string, cn: string): Promise<string[]> {
  const [group] = await slapd.search(groupsDn, `(cn=${cn})`);
  return values(group?.member).filter((dn) => dn !== '').sort();
}
