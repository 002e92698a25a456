import { lockTenantCounter } from '@provisio/database';
import { QueryRunner } from 'typeorm';
import { OUTBOX_NUMBERING } from './assign-sequences';

/**
 * Takes the tenant's outbox_sequences row lock without waiting and returns the last sequence handed out,
 * or null when another relay holds it (that relay is doing this tenant's work right now) or the tenant is gone.
 * Must run inside a transaction; the lock is released at commit.
 */
export async function lockTenantSequence(qr: QueryRunner, tenantId: string): Promise<number | null> {
  const counter = await lockTenantCounter(qr, OUTBOX_NUMBERING.counterTable, tenantId);
  return counter === null ? null : Number(counter.last_sequence);
}
