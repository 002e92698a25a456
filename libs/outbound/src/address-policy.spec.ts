import { AddressPolicy } from './address-policy';

describe('AddressPolicy', () => {
  const strict = new AddressPolicy();

  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1',
    '::ffff:10.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a00:1', '2002:7f00:1::1', '2001:db8::1',
  ])('refuses the non-public address %s by default', (address) => {
    expect(strict.allowsAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(strict.allowsAddress(address)).toBe(true);
  });

  it('refuses a value that is not an IP address at all', () => {
    expect(strict.allowsAddress('localhost')).toBe(false);
  });

  it('allows listed addresses and CIDRs, including their IPv4-mapped IPv6 form', () => {
    const policy = new AddressPolicy(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(policy.allowsAddress('127.0.0.1')).toBe(true);
    expect(policy.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(policy.allowsAddress('10.200.3.4')).toBe(true);
    expect(policy.allowsAddress('fd00::5')).toBe(true);
    expect(policy.allowsAddress('127.0.0.2')).toBe(false);
    expect(policy.allowsAddress('192.168.0.1')).toBe(false);
  });

  it('allows any address behind a listed host name or wildcard, case-insensitively', () => {
    const policy = new AddressPolicy(['Receiver.internal', '*.corp.example']);
    expect(policy.allowsAddress('10.0.0.1', 'receiver.internal')).toBe(true);
    expect(policy.allowsAddress('10.0.0.1', 'scim.CORP.example.')).toBe(true);
    expect(policy.allowsAddress('10.0.0.1', 'corp.example')).toBe(false);
    expect(policy.allowsAddress('10.0.0.1', 'other.internal')).toBe(false);
  });

  it('opens only the listed port for host:port, [v6]:port and CIDR:port entries', () => {
    const policy = new AddressPolicy(['127.0.0.1:8443', '[fd00::1]:9000', 'receiver.internal:443', '10.0.0.0/8:8080', 'fd00::2']);
    expect(policy.allowsAddress('127.0.0.1')).toBe(false);
    expect(policy.forPort(8443).allowsAddress('127.0.0.1')).toBe(true);
    expect(policy.forPort(8444).allowsAddress('127.0.0.1')).toBe(false);
    expect(policy.forPort(9000).allowsAddress('fd00::1')).toBe(true);
    expect(policy.forPort(443).allowsAddress('fd00::1')).toBe(false);
    expect(policy.forPort(443).allowsHost('receiver.internal')).toBe(true);
    expect(policy.forPort(80).allowsHost('receiver.internal')).toBe(false);
    expect(policy.forPort(8080).allowsAddress('10.9.8.7')).toBe(true);
    expect(policy.forPort(8081).allowsAddress('10.9.8.7')).toBe(false);
    // A bare IPv6 address has colons but no port, and keeps opening every port.
    expect(policy.forPort(1).allowsAddress('fd00::2')).toBe(true);
  });

  it('opens nothing for an entry with a port outside 1-65535', () => {
    const policy = new AddressPolicy(['127.0.0.1:0', '127.0.0.1:70000']);
    for (const port of [0, 70000, 80]) expect(policy.forPort(port).allowsAddress('127.0.0.1')).toBe(false);
  });
});

