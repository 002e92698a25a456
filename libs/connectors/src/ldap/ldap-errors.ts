import { OutboundBlockedError } from '@provisio/outbound';
import { ResultCodeError } from 'ldapts';
import { ConnectorProtocolError } from '../connector';

/** RFC 4511 §4.1.9 result codes by name, for messages an operator can look up. */
const RESULT_NAMES: Record<number, string> = {
  1: 'operationsError', 2: 'protocolError', 3: 'timeLimitExceeded', 4: 'sizeLimitExceeded', 7: 'authMethodNotSupported',
  8: 'strongerAuthRequired', 11: 'adminLimitExceeded', 12: 'unavailableCriticalExtension', 13: 'confidentialityRequired',
  16: 'noSuchAttribute', 17: 'undefinedAttributeType', 18: 'inappropriateMatching', 19: 'constraintViolation',
  20: 'attributeOrValueExists', 21: 'invalidAttributeSyntax', 32: 'noSuchObject', 34: 'invalidDNSyntax',
  48: 'inappropriateAuthentication', 49: 'invalidCredentials', 50: 'insufficientAccessRights', 51: 'busy', 52: 'unavailable',
  53: 'unwillingToPerform', 54: 'loopDetect', 64: 'namingViolation', 65: 'objectClassViolation', 66: 'notAllowedOnNonLeaf',
  67: 'notAllowedOnRDN', 68: 'entryAlreadyExists', 69: 'objectClassModsProhibited', 80: 'other',
};

/** Answers that may change on their own: the server is busy, shutting down or over a limit. */
const TRANSIENT = new Set([3, 11, 51, 52]);

export const LDAP_NO_SUCH_ATTRIBUTE = 16;
export const LDAP_NO_SUCH_OBJECT = 32;
export const LDAP_ALREADY_EXISTS = 68;
export const LDAP_OBJECT_CLASS_VIOLATION = 65;

/**
 * The directory refused the operation for good (schema violation, constraint, access rights, bad
 * credentials): the sync is recorded dead with this message, other resources carry on.
 */
export class LdapRefusedError extends ConnectorProtocolError {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'LdapRefusedError';
  }
}

/** The directory is down, unreachable, busy or timed out: worth another try later. */
export class LdapUnavailableError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
    this.name = 'LdapUnavailableError';
  }
}

export function resultName(code: number): string {
  return RESULT_NAMES[code] ?? 'unknown';
}

/** `LDAP add uid=bob,ou=people,…: 65 objectClassViolation (object class 'inetOrgPerson' requires attribute 'sn')` */
export function ldapFailure(operation: string, dn: string, error: unknown): Error {
  if (error instanceof LdapRefusedError || error instanceof LdapUnavailableError || error instanceof OutboundBlockedError) return error;
  if (error instanceof ResultCodeError) {
    const message = `LDAP ${operation} ${dn}: ${error.code} ${resultName(error.code)} (${error.message.slice(0, 300)})`;
    return TRANSIENT.has(error.code) ? new LdapUnavailableError(message, error.code) : new LdapRefusedError(error.code, message);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new LdapUnavailableError(`LDAP ${operation} ${dn}: ${reason.split('\n')[0].slice(0, 300)}`);
}

export function isResult(error: unknown, code: number): boolean {
  return error instanceof LdapRefusedError && error.code === code;
}
