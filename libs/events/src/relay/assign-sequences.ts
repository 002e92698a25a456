import { CommittedRowsNumbering, numberCommittedRows } from '@provisio/database';
import { QueryRunner } from 'typeorm';

/** Outbox events are numbered by the post-commit numbering of libs/database, which also seals the audit log. */
export const OUTBOX_NUMBERING: CommittedRowsNumbering = {
  table: 'outbox_events',
  insertOrder: 'position',
  counterTable: 'outbox_sequences',
};

/**
 * Numbers the tenant's committed, not yet numbered events after `lastSequence`, oldest insert first, and
 * moves the counter. Runs under the tenant's sequence-row lock, so numbers are handed out one batch after
 * another: a row that commits late simply gets a later number, and no reader can ever see sequence n+1
 * before n (both come from a transaction that committed before the next one took the lock).
 */
export function assignSequences(qr: QueryRunner, tenantId: string, lastSequence: number, limit: number): Promise<number> {
  return numberCommittedRows(qr, OUTBOX_NUMBERING, tenantId, { last_sequence: lastSequence }, limit);
}
