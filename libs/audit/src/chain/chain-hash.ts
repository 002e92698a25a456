import { createHash } from 'node:crypto';

/** The previous hash of a tenant's first event. */
export const GENESIS_HASH = Buffer.alloc(32);

/**
 * hash(n) = SHA-256( utf8("<sequence>\n<occurred_at epoch ms>\n<canonical content>") ‖ hash(n-1) ).
 * The writer computes the same formula in SQL (see insert-event.sql.ts) so a write is one statement;
 * verification computes it here. Keep the two in step.
 */
export function chainHash(sequence: string | number | bigint, occurredAtMs: number, content: string, previous: Buffer): Buffer {
  return createHash('sha256').update(`${sequence}\n${occurredAtMs}\n${content}`, 'utf8').update(previous).digest();
}
