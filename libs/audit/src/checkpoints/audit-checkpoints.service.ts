import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertTenantExists } from '../query/tenant-exists';
import { checkpointPayload } from './checkpoint-payload';
import { CheckpointSigner } from './checkpoint-signer';
import { CHECKPOINT_COLUMNS, CheckpointRow, toHeldCheckpoint } from './stored-checkpoints';

export interface CheckpointView {
  tenantId: string;
  sequence: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
  payload: string;
}

export interface CheckpointPage {
  algorithm: 'Ed25519';
  keyId: string;
  publicKey: string;
  items: CheckpointView[];
  nextCursor: string | null;
}

/** Lists a tenant's signed checkpoints, newest first, with the public key that checks them. */
@Injectable()
export class AuditCheckpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
  ) {}

  async list(tenantId: string, limit: number, cursor?: number): Promise<CheckpointPage> {
    await assertTenantExists(this.dataSource.manager, tenantId);
    const rows: CheckpointRow[] = await this.dataSource.query(
      `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE tenant_id = $1 AND sequence < $2 ORDER BY sequence DESC LIMIT $3`,
      [tenantId, cursor ?? Number.MAX_SAFE_INTEGER, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => {
      const checkpoint = toHeldCheckpoint(row);
      return { ...checkpoint, keyId: row.key_id, signature: row.signature.toString('base64'), payload: checkpointPayload(checkpoint) };
    });
    return {
      algorithm: 'Ed25519',
      keyId: this.signer.keyId,
      publicKey: this.signer.publicKeyPem,
      items,
      nextCursor: rows.length > limit ? String(items[items.length - 1].sequence) : null,
    };
  }
}
