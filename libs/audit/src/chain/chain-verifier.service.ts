import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_EVENT_COLUMNS, contentOf, SealedAuditEventRow } from '../query/audit-event-row';
import { assertTenantExists } from '../query/tenant-exists';
import { AuditSealer } from '../sealer/audit-sealer.service';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { serializeContent } from './event-content';

export interface ChainVerification {
  ok: boolean;
  /** Events whose hash was recomputed. */
  checked: number;
  /** The first event whose stored content, sequence or hash does not follow from its predecessor. */
  firstBrokenEventId: string | null;
  /** Why verification failed, in words; absent when ok. */
  reason?: string;
  /** Sequence and hash of the newest event: note them somewhere else to detect a wholesale rewrite later. */
  headSequence: number;
  headHash: string | null;
  /** Committed events not sealed yet (no sequence or hash): neither checked nor counted as broken. */
  pending: number;
}

const BATCH = 1000;

/**
 * Recomputes a tenant's chain from its anchor (the last event retention purged, or the genesis hash) to its
 * head, in sequence batches, inside one REPEATABLE READ snapshot so concurrent writers and sealers cannot make
 * it flaky. Seals what has committed first; events still unsealed in the snapshot are reported as `pending`.
 */
@Injectable()
export class ChainVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  async verify(tenantId: string): Promise<ChainVerification> {
    await assertTenantExists(this.dataSource.manager, tenantId);
    await this.sealer.sealBeforeRead(tenantId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const result = await this.walk(runner.manager, tenantId);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async walk(db: EntityManager, tenantId: string): Promise<ChainVerification> {
    const [anchor] = await db.query(`SELECT sequence, hash FROM audit_chain_anchors WHERE tenant_id = $1`, [tenantId]);
    const [head] = await db.query(`SELECT last_sequence, last_hash FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]);
    let sequence = anchor ? Number(anchor.sequence) : 0;
    let previous: Buffer = anchor ? anchor.hash : GENESIS_HASH;
    let checked = 0;
    const pending = await this.sealer.pendingCount(tenantId, undefined, db);
    const report = (ok: boolean, firstBrokenEventId: string | null, reason?: string): ChainVerification => ({
      ok, checked, firstBrokenEventId, ...(reason ? { reason } : {}),
      headSequence: head ? Number(head.last_sequence) : 0,
      headHash: head && Number(head.last_sequence) > 0 ? (head.last_hash as Buffer).toString('hex') : null,
      pending,
    });
    for (;;) {
      const rows: SealedAuditEventRow[] = await db.query(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${BATCH}`,
        [tenantId, sequence],
      );
      for (const row of rows) {
        checked++;
        if (Number(row.sequence) !== sequence + 1) return report(false, row.id, `events before sequence ${row.sequence} are missing`);
        if (head && Number(row.sequence) > Number(head.last_sequence)) {
          return report(false, row.id, `event ${row.sequence} lies beyond the chain head (sequence ${head.last_sequence}): it was not sealed here`);
        }
        const expected = chainHash(row.sequence, row.occurred_at.getTime(), serializeContent(contentOf(row)), previous);
        if (!expected.equals(row.hash)) return report(false, row.id, `event ${row.sequence} does not match its hash`);
        sequence = Number(row.sequence);
        previous = row.hash;
      }
      if (rows.length < BATCH) break;
    }
    if (!head && sequence > 0) return report(false, null, 'the chain head is missing');
    if (head && (Number(head.last_sequence) !== sequence || !previous.equals(head.last_hash))) {
      return report(false, null, `the newest events up to sequence ${head.last_sequence} are missing`);
    }
    return report(true, null);
  }
}
