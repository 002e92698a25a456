import { Algorithm, hash } from '@node-rs/argon2';

/**
 * RFC 7643 §4.1.1: the password is stored only as a slow salted hash (argon2id, OWASP's minimum of
 * 19 MiB, 2 iterations). @node-rs/argon2 hashes on the libuv thread pool, off the event loop; it is
 * only called when a request carries a password.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}
