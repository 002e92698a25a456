import { AddressPolicy } from '@provisio/outbound';
import { checkLdapUrl } from './ldap-address';
import { LdapConfigurationError, probeLdap } from './ldap-probe';
import { LdapPreset, LdapSettings } from './ldap-settings';

/** The LDAP fields of a create or change request (admin API), all optional on a change. */
export interface LdapInput {
  url?: string;
  bindDn?: string;
  bindPassword?: string;
  usersDn?: string;
  groupsDn?: string;
  preset?: LdapPreset;
  mapping?: Record<string, string | null>;
  startTls?: boolean;
  caCertificate?: string | null;
  deactivation?: { attribute: string; value: string } | null;
}

export interface PreparedLdap {
  url: string;
  settings: LdapSettings;
  bindPassword: string;
}

export const LDAP_FIELDS: (keyof LdapInput)[] = [
  'url', 'bindDn', 'bindPassword', 'usersDn', 'groupsDn', 'preset', 'mapping', 'startTls', 'caCertificate', 'deactivation',
];

/**
 * The configuration to store after a create or change: the input over the current one, the URL checked
 * against the SSRF policy, and the directory probed with it (bind, read both DNs) so mistakes are a 400 now.
 */
export async function prepareLdap(
  input: LdapInput,
  current: PreparedLdap | undefined,
  policy: AddressPolicy,
  timeoutMs: number,
): Promise<PreparedLdap> {
  const url = input.url === undefined ? current?.url : await checkLdapUrl(input.url, policy);
  const bindPassword = input.bindPassword ?? current?.bindPassword;
  const settings = {
    bindDn: input.bindDn ?? current?.settings.bindDn,
    usersDn: input.usersDn ?? current?.settings.usersDn,
    groupsDn: input.groupsDn ?? current?.settings.groupsDn,
    preset: input.preset ?? current?.settings.preset,
    mapping: input.mapping ?? current?.settings.mapping ?? {},
    startTls: input.startTls ?? current?.settings.startTls ?? false,
    caCertificate: input.caCertificate === undefined ? current?.settings.caCertificate ?? null : input.caCertificate,
    deactivation: input.deactivation === undefined ? current?.settings.deactivation ?? null : input.deactivation,
  };
  const required = { url, bindDn: settings.bindDn, bindPassword, usersDn: settings.usersDn, groupsDn: settings.groupsDn, preset: settings.preset };
  const missing = Object.entries(required).filter(([, value]) => value === undefined).map(([key]) => key);
  if (missing.length > 0) throw new LdapConfigurationError(`An ldap connector needs ${missing.join(', ')}`);
  if (settings.startTls && url!.startsWith('ldaps:')) throw new LdapConfigurationError('startTls applies to ldap:// URLs; ldaps:// is TLS already');
  if (settings.deactivation && settings.preset === 'active-directory') {
    throw new LdapConfigurationError('deactivation applies to the openldap preset; Active Directory uses userAccountControl');
  }
  checkMapping(settings.mapping);
  const prepared = { url: url!, settings: settings as LdapSettings, bindPassword: bindPassword! };
  await probeLdap({ ...prepared.settings, url: prepared.url, bindPassword: prepared.bindPassword }, policy, timeoutMs);
  return prepared;
}

/** An LDAP attribute description (RFC 4512 §2.5) and a SCIM path as scim-path.ts reads them. */
const ATTRIBUTE = /^[A-Za-z][A-Za-z0-9-]{0,99}$/;
const PATH = /^[A-Za-z][A-Za-z0-9.:|]{0,199}$/;

function checkMapping(mapping: Record<string, unknown>): void {
  for (const [attribute, path] of Object.entries(mapping)) {
    if (!ATTRIBUTE.test(attribute)) throw new LdapConfigurationError(`mapping: "${attribute}" is not an LDAP attribute name`);
    if (path !== null && (typeof path !== 'string' || !PATH.test(path))) {
      throw new LdapConfigurationError(`mapping.${attribute} must be a SCIM attribute path such as "name.givenName" or "enterprise.department", or null`);
    }
  }
}
