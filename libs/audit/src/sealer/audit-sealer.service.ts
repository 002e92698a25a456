import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { CounterRow, numberCommittedRows, underTenantCounter } from '@provisio/database';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer';
import { AUDIT_SEALING } from './audit-sealing';

/** Events sealed per transaction: a short transaction, and one round trip of reads and one of writes. */
export const SEAL_BATCH_SIZE = 1000;
/** A read seals at most this many batches first; after a long outage the worker seals the rest. */
const READ_SEAL_MAX_BATCHES = 20;
/** A read waits this long for a sealer holding the tenant; past it, it reads what is sealed (verify says `pending`). */
export const READ_SEAL_WAIT_MS = 2000;

/** A DataSource, or the EntityManager of a snapshot transaction. */
type Queryable = Pick<EntityManager, 'query'>;

export interface SealOptions {
  /** Wait for a sealer that holds the tenant instead of leaving the work to it (reads do, background passes do not). */
  wait?: boolean;
  /** With `wait`: how long at most. */
  waitTimeoutMs?: number;
  /** Stop after this many batches even if more events wait. */
  maxBatches?: number;
}

/**
 * Seals a tenant's committed, unsealed audit events: numbers them gaplessly after the chain head, oldest insert
 * first, and chains each one's hash to its predecessor's, in short transactions under the chain head's row lock.
 * The worker's AuditSealLoop calls it in the background; the audit read paths call it before reading, so the log
 * is complete and verifiable even while no worker runs.
 */
@Injectable()
export class AuditSealer {
  readWaitMs = READ_SEAL_WAIT_MS;
  checkpointIntervalMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.checkpointIntervalMs = config.auditCheckpointIntervalSeconds * 1000;
  }

  /** Returns how many events it sealed, or null when another sealer holds the tenant (and `wait` is not set). */
  async seal(tenantId: string, options: SealOptions = {}): Promise<number | null> {
    let total = 0;
    for (let batch = 0; batch < (options.maxBatches ?? Number.MAX_SAFE_INTEGER); batch++) {
      const sealed = await underTenantCounter(
        this.dataSource, AUDIT_SEALING.counterTable, tenantId, (qr, head) => this.sealBatch(qr, tenantId, head), options,
      );
      if (sealed === null) return batch === 0 ? null : total;
      total += sealed;
      if (sealed < SEAL_BATCH_SIZE) break;
    }
    return total;
  }

  /**
   * Called by every audit read: seals what has committed so far (waiting for a running sealer rather than
   * skipping it), so a read sees every event committed before it. One cheap index probe when nothing waits.
   */
  async sealBeforeRead(tenantId: string): Promise<void> {
    if (await this.pendingCount(tenantId, 1)) {
      await this.seal(tenantId, { wait: true, waitTimeoutMs: this.readWaitMs, maxBatches: READ_SEAL_MAX_BATCHES });
    }
  }

  /** Committed events of the tenant not sealed yet, counted up to `cap` (the partial index audit_events_unsealed). */
  async pendingCount(tenantId: string, cap = Number.MAX_SAFE_INTEGER, db: Queryable = this.dataSource): Promise<number> {
    const [row] = await db.query(
      `SELECT count(*)::int AS pending FROM (SELECT 1 FROM audit_events WHERE tenant_id = $1 AND sequence IS NULL LIMIT $2) waiting`,
      [tenantId, cap],
    );
    return row.pending;
  }

  private async sealBatch(qr: QueryRunner, tenantId: string, head: CounterRow): Promise<number> {
    const sealed = await numberCommittedRows(qr, AUDIT_SEALING, tenantId, head, SEAL_BATCH_SIZE);
    await this.checkpointIfDue(qr, tenantId, head, sealed);
    return sealed;
  }

  /**
   * Signs the new head when the chain grew past the last checkpoint and that one is at least the checkpoint
   * interval old; in the sealing transaction, so a checkpoint names only a committed head. A quiet tenant's last
   * events get theirs from the worker's sweep (AuditSealLoop), which calls seal() once the interval has passed.
   */
  private async checkpointIfDue(qr: QueryRunner, tenantId: string, before: CounterRow, sealed: number): Promise<void> {
    const sequence = Number(before.last_sequence) + sealed;
    if (sequence <= Number(before.checkpoint_sequence)) return;
    const signedAt = new Date();
    const last = before.checkpointed_at as Date | null;
    if (last && signedAt.getTime() - last.getTime() < this.checkpointIntervalMs) return;
    const [head] = sealed ? await qr.query(`SELECT last_hash FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]) : [before];
    const hash = head.last_hash as Buffer;
    const signature = this.signer.sign({ tenantId, sequence, hash: hash.toString('hex'), signedAt: signedAt.toISOString() });
    await qr.query(
      `WITH signed AS (
         INSERT INTO audit_checkpoints (tenant_id, sequence, hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)
       )
       UPDATE audit_chain_heads SET checkpoint_sequence = $2, checkpointed_at = $4 WHERE tenant_id = $1`,
      [tenantId, sequence, hash, signedAt, this.signer.keyId, signature],
    );
  }
}
