import { createHash, createPrivateKey, KeyObject } from 'node:crypto';
import { ConfigError } from './config-error';

type Env = Record<string, string | undefined>;

/** DER prefix of a PKCS#8 Ed25519 private key (RFC 8410 §7): the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const HINT = 'must be an Ed25519 private key: PKCS#8 PEM (openssl genpkey -algorithm ed25519), or that PEM base64-encoded on one line';

/**
 * The Ed25519 key that signs audit checkpoints (docs/audit.md, "Signed checkpoints"). Accepts the PEM as
 * written by openssl (newlines may be written as \n), or the PEM base64-encoded, which fits an env file.
 * Required in production. Development and test fall back to a fixed, publicly known key, so the API and the
 * worker agree without setup; `npm start` generates a real one once and keeps it under ./.data.
 */
export function auditSigningKey(env: Env, nodeEnv: 'development' | 'production' | 'test'): KeyObject {
  const raw = env.AUDIT_SIGNING_KEY?.trim();
  if (!raw) {
    if (nodeEnv === 'production') throw new ConfigError('AUDIT_SIGNING_KEY', 'is required when NODE_ENV=production');
    const seed = createHash('sha256').update('provisio-insecure-development-audit-signing-key').digest();
    return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  }
  const pem = raw.includes('-----BEGIN') ? raw.replace(/\\n/g, '\n') : Buffer.from(raw, 'base64').toString('utf8');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError('AUDIT_SIGNING_KEY', HINT);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ConfigError('AUDIT_SIGNING_KEY', `${HINT} (got a ${key.asymmetricKeyType} key)`);
  return key;
}
