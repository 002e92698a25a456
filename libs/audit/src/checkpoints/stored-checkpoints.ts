import { EntityManager } from 'typeorm';
import { HeldCheckpoint } from './checkpoint-check';

/** An audit_checkpoints row as pg returns it. */
export interface CheckpointRow {
  tenant_id: string;
  sequence: string;
  hash: Buffer;
  signed_at: Date;
  key_id: string;
  signature: Buffer;
}

export const CHECKPOINT_COLUMNS = 'tenant_id, sequence, hash, signed_at, key_id, signature';

export function toHeldCheckpoint(row: CheckpointRow): HeldCheckpoint {
  return {
    tenantId: row.tenant_id,
    sequence: Number(row.sequence),
    hash: row.hash.toString('hex'),
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  };
}

/**
 * The newest checkpoint signed with the current key (older keys' checkpoints are checked offline with their
 * public key), so `verify` also proves the chain still extends what the sealer last signed.
 */
export async function latestStoredCheckpoint(db: EntityManager, tenantId: string, keyId: string): Promise<HeldCheckpoint | undefined> {
  const [row]: CheckpointRow[] = await db.query(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE tenant_id = $1 AND key_id = $2 ORDER BY sequence DESC LIMIT 1`,
    [tenantId, keyId],
  );
  return row ? toHeldCheckpoint(row) : undefined;
}
