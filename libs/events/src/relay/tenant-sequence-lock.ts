import { QueryRunner } from 'typeorm';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Takes the tenant's outbox_sequences row lock without waiting and returns the last sequence handed out,
 * or null when another relay holds it (that relay is doing this tenant's work right now) or the tenant is gone.
 * Must run inside a transaction; the lock is released at commit.
 */
export async function lockTenantSequence(qr: QueryRunner, tenantId: string): Promise<number | null> {
  const locked = await qr.query(
    `SELECT last_sequence FROM outbox_sequences WHERE tenant_id = $1 FOR UPDATE SKIP LOCKED`,
    [tenantId],
  );
  if (locked.length) return Number(locked[0].last_sequence);
  // Either the first event of this tenant (no row yet) or a row locked by another relay.
  // A concurrent first insert waits for ours and then inserts nothing, so only one relay gets the row.
  await qr.query('SAVEPOINT create_sequence_row');
  try {
    const created = await qr.query(
      `INSERT INTO outbox_sequences (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING last_sequence`,
      [tenantId],
    );
    await qr.query('RELEASE SAVEPOINT create_sequence_row');
    return created.length ? 0 : null;
  } catch (error) {
    await qr.query('ROLLBACK TO SAVEPOINT create_sequence_row');
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null; // tenant deleted meanwhile
    throw error;
  }
}
