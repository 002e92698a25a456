import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashSecret } from '../secret-hash';
import { Operator, OperatorRole } from './operator-role';

export const OPERATOR_KEY_MARKER = 'opk_';
const MAX_KEY_LENGTH = 512;
const logger = new Logger('OperatorKeys');

interface KeyRow {
  id: string;
  name: string;
  role: OperatorRole;
  prefix: string;
  last_used_at: Date | null;
}

/**
 * The live operator key a bearer secret belongs to, or undefined. A plain function over the DataSource so the
 * admin guard, which Nest builds inside every module that has admin controllers, needs only global providers.
 */
export async function findOperatorKey(dataSource: DataSource, secret: string): Promise<Operator | undefined> {
  if (!secret.startsWith(OPERATOR_KEY_MARKER) || secret.length > MAX_KEY_LENGTH) return undefined;
  const [row]: KeyRow[] = await dataSource.query(
    `SELECT id, name, role, prefix, last_used_at FROM operator_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
    [hashSecret(secret)],
  );
  if (!row) return undefined;
  touch(dataSource, row);
  return { via: 'operator-key', role: row.role, keyId: row.id, keyName: row.name, keyPrefix: row.prefix };
}

/** last_used_at is advisory, kept to the minute: writing it on every console request would be pointless load. */
function touch(dataSource: DataSource, row: KeyRow): void {
  if (row.last_used_at && Date.now() - row.last_used_at.getTime() < 60_000) return;
  dataSource
    .query(
      `UPDATE operator_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [row.id],
    )
    .catch((error: Error) => logger.warn({ err: error.message }, 'could not record operator key use'));
}
