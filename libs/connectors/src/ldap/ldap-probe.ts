import { AddressPolicy, OutboundBlockedError } from '@provisio/outbound';
import { BadRequestError } from '@provisio/observability';
import { LdapRefusedError, LdapUnavailableError } from './ldap-errors';
import { LdapSession } from './ldap-session';
import { LdapTarget } from './ldap-settings';

/** The directory cannot be used with this configuration; a 400 from the admin API with the LDAP result code. */
export class LdapConfigurationError extends BadRequestError {
  constructor(detail: string, readonly ldapResultCode?: number) {
    super(detail);
  }
}

/**
 * Binds and reads both DNs before a configuration is saved, so a wrong password or DN is a 400 now rather
 * than a connector whose every sync fails later.
 */
export async function probeLdap(target: LdapTarget, policy: AddressPolicy, timeoutMs: number): Promise<void> {
  const session = new LdapSession(target, policy, timeoutMs);
  try {
    for (const dn of [target.usersDn, target.groupsDn]) await session.search(dn, { scope: 'base', attributes: ['1.1'] });
  } catch (error) {
    if (error instanceof LdapRefusedError) throw new LdapConfigurationError(error.message, error.code);
    if (error instanceof LdapUnavailableError) throw new LdapConfigurationError(`The directory could not be reached: ${error.message}`, error.code);
    if (error instanceof OutboundBlockedError) throw new LdapConfigurationError(error.message);
    throw error;
  } finally {
    await session.close();
  }
}
