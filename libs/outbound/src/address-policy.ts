import ipaddr from 'ipaddr.js';

/**
 * Which destinations outbound requests (webhooks, connectors) may reach. By default only globally routable
 * unicast addresses: never private (RFC 1918, fc00::/7), loopback, link-local (cloud metadata lives at
 * 169.254.169.254), CGNAT, multicast, unspecified, reserved or documentation ranges, nor IPv6 forms that
 * embed an IPv4 address (mapped, 6to4, Teredo, NAT64) which could smuggle one of those in.
 * OUTBOUND_ALLOWED_HOSTS lists exceptions: exact host names, `*.suffix` wildcards, IP addresses or CIDRs,
 * each optionally with `:port` (`[v6]:port` for IPv6) so that one service, not every port of a host, is
 * opened. A port-bound entry applies only to the policy `forPort` gives for that port.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(
    private readonly allowList: readonly string[] = [],
    port?: number,
  ) {
    for (const raw of allowList) {
      const { entry, port: entryPort } = splitPort(raw.trim().toLowerCase());
      if (!entry || (entryPort !== undefined && entryPort !== port)) continue;
      if (entry.includes('/') && isCidr(entry)) this.ranges.push(normalizeRange(ipaddr.parseCIDR(entry)));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (entry.startsWith('*.')) this.suffixes.push(entry.slice(1));
      else this.hosts.add(entry);
    }
  }

  /** The policy for connections to `port`: the entries without a port plus those bound to it. */
  forPort(port: number): AddressPolicy {
    return new AddressPolicy(this.allowList, port);
  }

  /** True when the host name itself is on the allow-list, so whatever it resolves to may be reached. */
  allowsHost(hostname: string): boolean {
    const host = normalizeHost(hostname);
    return this.hosts.has(host) || this.suffixes.some((suffix) => host.endsWith(suffix));
  }

  /** Whether a connection to `address` (reached through `hostname`) is permitted. */
  allowsAddress(address: string, hostname = address): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    if (this.allowsHost(hostname)) return true;
    if (this.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return true;
    return isPublicUnicast(parsed);
  }
}

/** The port a URL connects to. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/**
 * `host:443`, `10.0.0.5:8080`, `10.0.0.0/8:8443`, `[fd00::1]:8443` carry a port; a bare IPv6 address
 * (several colons, no brackets) does not. An entry whose port is not 1–65535 keeps the colon and so
 * matches no host: it opens nothing.
 */
function splitPort(entry: string): { entry: string; port?: number } {
  const bracketed = entry.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (bracketed) return withPort(bracketed[1], bracketed[2], entry);
  const colon = entry.lastIndexOf(':');
  if (colon < 0 || entry.indexOf(':') !== colon) return { entry };
  return withPort(entry.slice(0, colon), entry.slice(colon + 1), entry);
}

function withPort(host: string, port: string | undefined, entry: string): { entry: string; port?: number } {
  if (port === undefined) return { entry: host };
  const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  return number >= 1 && number <= 65535 ? { entry: host, port: number } : { entry };
}

/** ipaddr.js names every special-purpose block; only plain `unicast` is on the public internet. */
export function isPublicUnicast(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return address.range() === 'unicast';
}

export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** `::ffff:10.0.0.0/104` and `10.0.0.0/8` mean the same block; compare everything as IPv4 when it is one. */
function normalizeRange([address, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number]): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}
