import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const BASE = { DATABASE_URL: 'postgres://u@localhost/db', ADMIN_TOKEN: 'a'.repeat(32) };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(BASE);
    expect(config).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', oauthAccessTokenTtlSeconds: 3600, scimMaxBodyBytes: 1048576 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ OAUTH_ACCESS_TOKEN_TTL_SECONDS: '30000' }, 'OAUTH_ACCESS_TOKEN_TTL_SECONDS'],
    [{ OAUTH_CLIENT_SECRET_TTL_DAYS: '30' }, 'OAUTH_CLIENT_SECRET_TTL_DAYS'],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, 'PUBLIC_BASE_URL'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY'],
    [{ METRICS_TENANT_LABELS: 'yes' }, 'METRICS_TENANT_LABELS'],
    [{ WORKER_METRICS_PORT: '-1' }, 'WORKER_METRICS_PORT'],
    [{ WORKER_METRICS_HOST: 'a b' }, 'WORKER_METRICS_HOST'],
  ])('names the variable in one line when %o is wrong', (override, variable) => {
    expect(() => loadConfig({ ...BASE, ...override })).toThrow(ConfigError);
    try {
      loadConfig({ ...BASE, ...override });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('reads TRUST_PROXY as off, a hop count, or addresses and CIDRs', () => {
    expect(loadConfig(BASE).trustProxy).toBe(false);
    expect(loadConfig({ ...BASE, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...BASE, TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
  });

  it('keeps metrics cardinality low and the worker metrics endpoint on loopback unless told otherwise', () => {
    expect(loadConfig(BASE)).toMatchObject({ metricsTenantLabels: false, workerMetricsPort: 9465, workerMetricsHost: '127.0.0.1' });
    expect(loadConfig({ ...BASE, METRICS_TENANT_LABELS: 'true', WORKER_METRICS_PORT: '0', WORKER_METRICS_HOST: '0.0.0.0' }))
      .toMatchObject({ metricsTenantLabels: true, workerMetricsPort: 0, workerMetricsHost: '0.0.0.0' });
  });

  it('requires ADMIN_TOKEN in production', () => {
    expect(() => loadConfig({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' })).toThrow(/ADMIN_TOKEN is required/);
  });

  it('takes the sandbox page token in development and refuses it in production, where the page would show it to anyone', () => {
    expect(loadConfig({ ...BASE, SANDBOX_SCIM_TOKEN: 'scim_abc' }).sandboxScimToken).toBe('scim_abc');
    expect(loadConfig(BASE).sandboxScimToken).toBeUndefined();
    const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const production = { ...BASE, NODE_ENV: 'production', SECRETS_ENCRYPTION_KEY: 'a'.repeat(64), AUDIT_SIGNING_KEY, SANDBOX_SCIM_TOKEN: 'scim_abc' };
    expect(() => loadConfig(production)).toThrow(/SANDBOX_SCIM_TOKEN must not be set when NODE_ENV=production/);
  });
});
