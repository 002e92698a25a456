export const REDACTED = '[redacted]';

/** Names that identify or describe a secret without revealing it (`clientSecretId`, `tokenPrefix`, `secretExpiresAt`). */
const DESCRIBES_A_SECRET = /(id|ids|prefix|expiresat|createdat|revokedat|count)$/;

/**
 * Keys whose values never reach the audit log. Normalised (lower case, letters and digits only) so
 * `client_secret`, `clientSecret` and `X-Api-Key` match alike.
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (DESCRIBES_A_SECRET.test(k)) return false;
  return (
    k.includes('password') ||
    k.includes('secret') ||
    k.endsWith('token') ||
    k.endsWith('apikey') ||
    k.endsWith('privatekey') ||
    k.startsWith('credential') ||
    k === 'authorization'
  );
}

/** A deep copy with secret-like keys replaced by the marker (their presence still shows, their value does not). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = isSecretKey(key) && v != null ? REDACTED : redact(v);
    return out;
  }
  return value;
}
