import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AddressPolicy, normalizeHost, portOf } from './address-policy';
import { OutboundTargetError } from './outbound-errors';

/**
 * Configuration-time check of a webhook or connector URL: http(s) only, no credentials in the URL, and a
 * host that resolves only to addresses the policy allows. The connection-time check (guardedLookup) still
 * runs on every request, because DNS answers change.
 */
export async function checkTargetUrl(raw: string, policy: AddressPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundTargetError('url must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundTargetError('url must use http or https');
  if (url.username || url.password) throw new OutboundTargetError('url must not contain credentials');
  const host = normalizeHost(url.hostname);
  const forPort = policy.forPort(portOf(url));
  if (forPort.allowsHost(host)) return url;
  for (const address of await resolve(host)) {
    if (!forPort.allowsAddress(address, host)) {
      throw new OutboundTargetError(`url host ${host} resolves to ${address}, a private, loopback or otherwise non-public address; ` +
        'outbound requests may reach it only if OUTBOUND_ALLOWED_HOSTS lists it');
    }
  }
  return url;
}

async function resolve(host: string): Promise<string[]> {
  if (ipaddr.isValid(host)) return [host];
  try {
    return (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw new OutboundTargetError(`url host ${host} does not resolve`);
  }
}
