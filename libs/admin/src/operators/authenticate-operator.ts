import { DataSource } from 'typeorm';
import { hashesEqual, hashSecret } from '../secret-hash';
import { findOperatorKey } from './find-operator-key';
import { Operator } from './operator-role';

/**
 * The one check behind every admin surface (the admin API guard, the queue dashboard): the ADMIN_TOKEN (always
 * the admin role) or a live operator key. Hashing both sides makes the ADMIN_TOKEN comparison constant-time
 * whatever the lengths. For HTTP surfaces that are not Nest routes, which cannot use AdminTokenGuard.
 */
export function authenticateOperator(dataSource: DataSource, adminToken: string | Buffer, secret: string | undefined): Promise<Operator | undefined> {
  if (!secret) return Promise.resolve(undefined);
  const expected = typeof adminToken === 'string' ? hashSecret(adminToken) : adminToken;
  if (hashesEqual(hashSecret(secret), expected)) return Promise.resolve({ via: 'admin-token', role: 'admin' });
  return findOperatorKey(dataSource, secret);
}
