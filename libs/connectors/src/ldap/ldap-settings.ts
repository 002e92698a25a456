/** The two directory dialects we write (docs/connectors.md "LDAP"). */
export const LDAP_PRESETS = ['openldap', 'active-directory'] as const;
export type LdapPreset = (typeof LDAP_PRESETS)[number];

/**
 * What an LDAP connector stores besides its URL (connectors.base_url) and sealed bind password
 * (connectors.token_sealed): the `settings` column.
 */
export interface LdapSettings {
  bindDn: string;
  usersDn: string;
  groupsDn: string;
  preset: LdapPreset;
  /** LDAP attribute → SCIM attribute path (or null to leave the attribute out), over the preset's table. */
  mapping: Record<string, string | null>;
  /** Upgrade an ldap:// connection with StartTLS (RFC 4511 §4.14) before binding. */
  startTls: boolean;
  /** PEM CA certificate(s) trusted for ldaps:// and StartTLS instead of the system store. */
  caCertificate: string | null;
  /**
   * OpenLDAP only: mark deactivated users with this attribute and value instead of the ppolicy overlay's
   * pwdAccountLockedTime (for directories without ppolicy).
   */
  deactivation: { attribute: string; value: string } | null;
}

/** Everything needed to open a session: the settings plus where and with which password. */
export interface LdapTarget extends LdapSettings {
  url: string;
  bindPassword: string;
}
