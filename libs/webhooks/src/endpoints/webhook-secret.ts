import { randomBytes } from 'node:crypto';
import { BadRequestError } from '@provisio/observability';

/** Standard Webhooks secrets are `whsec_` + base64 of the raw HMAC key. */
export const SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** A caller-chosen secret must decode to a key of 24 to 64 bytes, the range the spec recommends. */
export function validateWebhookSecret(secret: string): string {
  const body = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : '';
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? Buffer.from(body, 'base64') : Buffer.alloc(0);
  if (key.length < 24 || key.length > 64) {
    throw new BadRequestError('secret must be "whsec_" followed by base64 of 24 to 64 random bytes');
  }
  return secret;
}

/** Associated data for the sealed secret: a ciphertext copied to another endpoint row does not open. */
export function secretContext(tenantId: string, endpointId: string): string {
  return `webhook:${tenantId}:${endpointId}`;
}
