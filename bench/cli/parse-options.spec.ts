import { parseOptions } from './parse-options';

const env = { ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef' };

describe('parseOptions', () => {
  it('refuses a target that is not on this machine: the bench floods what it points at', () => {
    expect(() => parseOptions(['--base-url', 'http://example.com:3000'], env)).toThrow(/loopback/);
    expect(parseOptions(['--base-url', 'http://127.0.0.1:3200/'], env).baseUrl).toBe('http://127.0.0.1:3200');
  });

  it('runs the events scenario by default only when it knows the API database (its worker needs it)', () => {
    expect(parseOptions([], env).scenarios).not.toContain('events');
    expect(parseOptions([], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x' }).scenarios).toContain('events');
    expect(parseOptions([], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x' }).scenarios).not.toContain('replicas');
    expect(() => parseOptions(['replicas'], env)).toThrow(/replicas scenario needs DATABASE_URL/);
    expect(() => parseOptions(['events'], env)).toThrow(/DATABASE_URL/);
  });

  it('reads the events flags and rejects unknown flags, scenarios and non-numbers', () => {
    const options = parseOptions(['events', '--events', '100', '--light-rate=5', '--light-events', '50', '--worker-cpu-prof', '/tmp/p'],
      { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x' });
    expect(options).toMatchObject({ scenarios: ['events'], eventCount: 100, lightRate: 5, lightEvents: 50, workerCpuProfileDir: '/tmp/p' });
    expect(() => parseOptions(['--nope', '1'], env)).toThrow(/unknown flag/);
    expect(() => parseOptions(['nope'], env)).toThrow(/unknown scenario/);
    expect(() => parseOptions(['--users', '0'], env)).toThrow(/positive whole number/);
    expect(() => parseOptions(['--max-seconds', '1.5'], env)).toThrow(/positive whole number/);
  });

  it('needs an admin token unless a SCIM token is given, and the baseline implements sync only', () => {
    expect(() => parseOptions([], {})).toThrow(/ADMIN_TOKEN/);
    expect(parseOptions(['--scim-token', 't'], {}).scimToken).toBe('t');
    expect(parseOptions(['--baseline'], {}).scenarios).toEqual(['sync']);
    expect(() => parseOptions(['--baseline', 'lookups'], {})).toThrow(/sync/);
  });
});
