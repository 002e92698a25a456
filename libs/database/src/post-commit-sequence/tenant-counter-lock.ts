import { QueryRunner } from 'typeorm';

const FOREIGN_KEY_VIOLATION = '23503';

/** A tenant's counter row: the number handed out last, plus whatever else the numbering keeps there (a chain head). */
export type CounterRow = { last_sequence: string | number } & Record<string, unknown>;

export interface CounterLockOptions {
  /**
   * Wait for a counter another numbering pass holds instead of giving up. Background passes skip a locked
   * tenant (its holder is doing the work right now); a reader that must see everything committed before it
   * waits, which costs at most one short pass.
   */
  wait?: boolean;
  /** With `wait`: give up (null) after this many milliseconds, so a stuck holder cannot hang a reader. */
  waitTimeoutMs?: number;
}

const LOCK_NOT_AVAILABLE = '55P03';

/** The lock wait ran past `waitTimeoutMs` (Postgres lock_timeout). The transaction is aborted: roll it back. */
export function isCounterLockTimeout(error: unknown): boolean {
  return (error as { code?: string }).code === LOCK_NOT_AVAILABLE;
}

/**
 * Locks the tenant's row of `counterTable` (columns tenant_id, last_sequence and any with defaults) and returns it,
 * or null when another pass holds it (unless `wait`) or the tenant is gone. The row lock is the per-tenant mutex
 * of post-commit numbering: only its holder hands out numbers, so they are given one batch after another.
 * Must run inside a transaction; the lock is released at commit. `counterTable` is a constant, never input.
 * A wait past `waitTimeoutMs` throws (see isCounterLockTimeout); underTenantCounter turns that into null.
 */
export async function lockTenantCounter(
  qr: QueryRunner,
  counterTable: string,
  tenantId: string,
  options: CounterLockOptions = {},
): Promise<CounterRow | null> {
  if (options.wait && options.waitTimeoutMs !== undefined) {
    await qr.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.round(options.waitTimeoutMs))}ms`]);
  }
  const locked: CounterRow[] = await qr.query(
    `SELECT * FROM ${counterTable} WHERE tenant_id = $1 FOR UPDATE ${options.wait ? '' : 'SKIP LOCKED'}`,
    [tenantId],
  );
  if (locked.length) return locked[0];
  // Either the tenant's first numbering (no row yet) or a row locked by another pass.
  // A concurrent first insert waits for ours and then inserts nothing, so only one pass gets the row.
  await qr.query('SAVEPOINT create_counter_row');
  try {
    const created: CounterRow[] = await qr.query(
      `INSERT INTO ${counterTable} (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING *`,
      [tenantId],
    );
    await qr.query('RELEASE SAVEPOINT create_counter_row');
    if (created.length) return created[0];
    if (!options.wait) return null;
    // Created by a concurrent pass that has committed by now (the insert waited for it): take it in turn.
    const [row] = await qr.query(`SELECT * FROM ${counterTable} WHERE tenant_id = $1 FOR UPDATE`, [tenantId]);
    return row ?? null;
  } catch (error) {
    await qr.query('ROLLBACK TO SAVEPOINT create_counter_row');
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null; // tenant deleted meanwhile
    throw error;
  }
}
