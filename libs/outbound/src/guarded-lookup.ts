import { lookup as dnsLookup, LookupAddress, LookupAllOptions, LookupOptions } from 'node:dns';
import { AddressPolicy } from './address-policy';
import { OutboundBlockedError } from './outbound-errors';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The `lookup` net.connect uses for every outbound socket. Checking here, at connection time, is what
 * defeats DNS rebinding: a host that resolved to a public address when the webhook was saved and to
 * 127.0.0.1 now is refused now. One forbidden address refuses the whole name, so a record mixing a
 * public and a private address cannot win a race between them.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (error, addresses) => {
      if (error) return callback(error, []);
      const blocked = addresses.find((entry) => !policy.allowsAddress(entry.address, hostname));
      if (blocked) return callback(new OutboundBlockedError(hostname, blocked.address), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}
