import { randomBytes } from 'node:crypto';
import { hashSecret } from '@provisio/admin';

// The hash helpers live in @provisio/admin, which the admin token guard (and so every lib with admin endpoints) uses.
export { hashesEqual, hashSecret } from '@provisio/admin';

const SECRET_BYTES = 32;
const VISIBLE_PREFIX_CHARS = 8;

export interface GeneratedSecret {
  /** Shown to the caller once, never stored. */
  secret: string;
  /** Kind marker plus the first characters: enough for an operator to recognise it in a list. */
  prefix: string;
  hash: Buffer;
}

/**
 * 32 random bytes, base64url, behind a kind marker (`scim_`, `pat_`, `cs_`) so a leaked secret is recognisable
 * to secret scanners. A fast SHA-256 is the right hash for 256-bit random secrets: there is nothing to brute-force.
 */
export function generateSecret(marker: string): GeneratedSecret {
  const secret = `${marker}${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, marker.length + VISIBLE_PREFIX_CHARS), hash: hashSecret(secret) };
}
