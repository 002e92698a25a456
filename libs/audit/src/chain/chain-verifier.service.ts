import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChainReference, CheckpointCheck, HeldCheckpoint, precheckCheckpoint } from '../checkpoints/checkpoint-check';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer';
import { latestStoredCheckpoint } from '../checkpoints/stored-checkpoints';
import { AUDIT_EVENT_COLUMNS, contentOf, SealedAuditEventRow } from '../query/audit-event-row';
import { assertTenantExists } from '../query/tenant-exists';
import { AuditSealer } from '../sealer/audit-sealer.service';
import { chainHash, GENESIS_HASH } from './chain-hash';
import { serializeContent } from './event-content';

export interface ChainVerification {
  /** The chain is intact and, when a checkpoint was checked, extends it. */
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
  /** The checkpoint given, or else the newest stored one signed by this service's key; absent when there is none. */
  checkpoint?: CheckpointCheck;
}

interface Walk {
  checked: number;
  /** Sequence and hash of the last event that verified. */
  sequence: number;
  previous: Buffer;
  broken?: { eventId: string | null; reason: string };
  /** The reference's hash as found at its sequence, if the walk passed it. */
  found?: Buffer;
}

const BATCH = 1000;

/**
 * Recomputes a tenant's chain from its anchor (the last event retention purged, or the genesis hash) to its
 * head, in sequence batches, inside one REPEATABLE READ snapshot so concurrent writers and sealers cannot make
 * it flaky. Seals what has committed first; events still unsealed in the snapshot are reported as `pending`.
 * A signed checkpoint (given, or the newest stored one) must also still be part of the chain.
 */
@Injectable()
export class ChainVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
    private readonly signer: CheckpointSigner,
  ) {}

  async verify(tenantId: string, given?: HeldCheckpoint): Promise<ChainVerification> {
    await assertTenantExists(this.dataSource.manager, tenantId);
    await this.sealer.sealBeforeRead(tenantId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const result = await this.check(runner.manager, tenantId, given);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async check(db: EntityManager, tenantId: string, given?: HeldCheckpoint): Promise<ChainVerification> {
    const [anchor] = await db.query(`SELECT sequence, hash FROM audit_chain_anchors WHERE tenant_id = $1`, [tenantId]);
    const [head] = await db.query(`SELECT last_sequence, last_hash FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]);
    const pending = await this.sealer.pendingCount(tenantId, undefined, db);
    const start = { sequence: anchor ? Number(anchor.sequence) : 0, hash: anchor ? (anchor.hash as Buffer) : GENESIS_HASH };
    const checkpoint = given ?? (await latestStoredCheckpoint(db, tenantId, this.signer.keyId));
    const precheck = checkpoint ? precheckCheckpoint(this.signer, tenantId, checkpoint, given ? 'given' : 'stored') : undefined;
    const reference = precheck && 'reference' in precheck ? precheck.reference : undefined;
    const walk = await this.walk(db, tenantId, start, head, reference);
    const headSequence = head ? Number(head.last_sequence) : 0;
    if (!walk.broken && !head && walk.sequence > 0) walk.broken = { eventId: null, reason: 'the chain head is missing' };
    if (!walk.broken && head && (headSequence !== walk.sequence || !walk.previous.equals(head.last_hash))) {
      walk.broken = { eventId: null, reason: `the newest events up to sequence ${headSequence} are missing` };
    }
    const checkpointResult = precheck && ('failed' in precheck ? precheck.failed : this.confirm(given ? 'given' : 'stored', precheck.reference, start, walk));
    const reason = walk.broken?.reason ?? (checkpointResult?.ok === false ? `checkpoint: ${checkpointResult.reason}` : undefined);
    return {
      ok: !walk.broken && checkpointResult?.ok !== false,
      checked: walk.checked,
      firstBrokenEventId: walk.broken?.eventId ?? null,
      ...(reason ? { reason } : {}),
      headSequence,
      headHash: head && headSequence > 0 ? (head.last_hash as Buffer).toString('hex') : null,
      pending,
      ...(checkpointResult ? { checkpoint: checkpointResult } : {}),
    };
  }

  private async walk(
    db: EntityManager,
    tenantId: string,
    start: { sequence: number; hash: Buffer },
    head: { last_sequence: string } | undefined,
    reference?: ChainReference,
  ): Promise<Walk> {
    const walk: Walk = { checked: 0, sequence: start.sequence, previous: start.hash };
    for (;;) {
      const rows: SealedAuditEventRow[] = await db.query(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${BATCH}`,
        [tenantId, walk.sequence],
      );
      for (const row of rows) {
        walk.checked++;
        const sequence = Number(row.sequence);
        const breakAt = (reason: string) => ((walk.broken = { eventId: row.id, reason }), walk);
        if (sequence !== walk.sequence + 1) return breakAt(`events before sequence ${row.sequence} are missing`);
        if (head && sequence > Number(head.last_sequence)) {
          return breakAt(`event ${row.sequence} lies beyond the chain head (sequence ${head.last_sequence}): it was not sealed here`);
        }
        const expected = chainHash(row.sequence, row.occurred_at.getTime(), serializeContent(contentOf(row)), walk.previous);
        if (!expected.equals(row.hash)) return breakAt(`event ${row.sequence} does not match its hash`);
        if (reference?.sequence === sequence) walk.found = row.hash;
        walk.sequence = sequence;
        walk.previous = row.hash;
      }
      if (rows.length < BATCH) return walk;
    }
  }

  /** Whether the verified chain holds the checkpoint's hash at its sequence. */
  private confirm(source: CheckpointCheck['source'], reference: ChainReference, start: { sequence: number; hash: Buffer }, walk: Walk): CheckpointCheck {
    const outcome = (ok: boolean, reason?: string): CheckpointCheck => ({ source, sequence: reference.sequence, ok, ...(reason ? { reason } : {}) });
    if (reference.sequence < start.sequence) {
      return outcome(false, `sequence ${reference.sequence} precedes the retention anchor (${start.sequence}): those events were purged, so it cannot be checked; use a newer checkpoint`);
    }
    const found = reference.sequence === start.sequence ? start.hash : walk.found;
    if (!found) {
      if (walk.broken) return outcome(false, `the chain is broken before sequence ${reference.sequence}`);
      return outcome(false, `the chain ends at sequence ${walk.sequence}, before the checkpoint's ${reference.sequence}: events were removed`);
    }
    if (!found.equals(reference.hash)) {
      return outcome(false, `the chain holds another hash at sequence ${reference.sequence}: it was rewritten after the checkpoint was signed`);
    }
    return outcome(true);
  }
}
