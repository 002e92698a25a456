import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const BASE = { DATABASE_URL: 'postgres://u@localhost/db', ADMIN_TOKEN: 'a'.repeat(32) };
const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('AUDIT_SIGNING_KEY', () => {
  const variableOf = (env: Record<string, string>) => {
    try {
      loadConfig({ ...BASE, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).variable;
    }
    return null;
  };

  it('is required in production', () => {
    expect(variableOf({ NODE_ENV: 'production', SECRETS_ENCRYPTION_KEY: 'a'.repeat(64) })).toBe('AUDIT_SIGNING_KEY');
  });

  it('reads a PEM as openssl writes it, with \\n escapes, or base64-encoded on one line', () => {
    const key = pem();
    const message = Buffer.from('checkpoint');
    for (const value of [key, key.replace(/\n/g, '\\n'), Buffer.from(key).toString('base64')]) {
      const config = loadConfig({ ...BASE, AUDIT_SIGNING_KEY: value });
      const signature = sign(null, message, config.auditSigningKey);
      expect(verify(null, message, createPublicKey(config.auditSigningKey), signature)).toBe(true);
    }
  });

  it('refuses a malformed value and a key of another type, naming the variable', () => {
    expect(variableOf({ AUDIT_SIGNING_KEY: 'not a key' })).toBe('AUDIT_SIGNING_KEY');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(variableOf({ AUDIT_SIGNING_KEY: rsa })).toBe('AUDIT_SIGNING_KEY');
  });

  it('falls back to one fixed key outside production, so an API and a worker agree', () => {
    const a = loadConfig(BASE).auditSigningKey.export({ type: 'pkcs8', format: 'der' });
    const b = loadConfig({ ...BASE, NODE_ENV: 'test' }).auditSigningKey.export({ type: 'pkcs8', format: 'der' });
    expect(a.equals(b)).toBe(true);
    expect(loadConfig(BASE).auditSigningKey.asymmetricKeyType).toBe('ed25519');
  });
});
