import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AddressPolicy, normalizeHost, OutboundBlockedError, OutboundTargetError } from '@provisio/outbound';

/**
 * Configuration-time check of an LDAP URL (RFC 4516 without DN or filter parts): ldap:// or ldaps://, no
 * credentials, and a host the SSRF policy allows, exactly as for SCIM base URLs.
 */
export async function checkLdapUrl(raw: string, policy: AddressPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundTargetError('url must be an absolute ldap:// or ldaps:// URL');
  }
  if (url.protocol !== 'ldap:' && url.protocol !== 'ldaps:') throw new OutboundTargetError('url must use ldap or ldaps');
  if (url.username || url.password) throw new OutboundTargetError('url must not contain credentials');
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw new OutboundTargetError('url must be scheme, host and port only (the DNs are separate settings)');
  }
  await allowedAddress(url.hostname, policy).catch((error: unknown) => {
    if (error instanceof OutboundBlockedError) {
      throw new OutboundTargetError(`url host ${error.hostname} resolves to ${error.address}, a private, loopback or otherwise non-public address; ` +
        'connectors may reach it only if OUTBOUND_ALLOWED_HOSTS lists it');
    }
    throw error;
  });
  return `${url.protocol}//${url.host}`;
}

/**
 * Connection-time guard (the LDAP client opens its own sockets, so the HTTP client's guarded lookup cannot
 * serve): resolves the host, refuses it if any address is forbidden, and returns the address to connect to,
 * so a DNS answer that changed since the check cannot sneak in between check and connect.
 */
export async function allowedAddress(hostname: string, policy: AddressPolicy): Promise<string> {
  const host = normalizeHost(hostname);
  if (isIP(host)) {
    if (!policy.allowsAddress(host, host)) throw new OutboundBlockedError(host, host);
    return host;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new OutboundTargetError(`url host ${host} does not resolve`);
  }
  const blocked = addresses.find((entry) => !policy.allowsAddress(entry.address, host));
  if (blocked) throw new OutboundBlockedError(host, blocked.address);
  return addresses[0].address;
}
