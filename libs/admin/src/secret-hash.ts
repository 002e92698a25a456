import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a high-entropy secret: enough to compare tokens without storing or comparing them in clear. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of two hashes of equal length. */
export function hashesEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
