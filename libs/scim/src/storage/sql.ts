import { EntityManager } from 'typeorm';

/** What storage functions run on: the DataSource's manager outside a transaction, the tx manager inside. */
export type Db = Pick<EntityManager, 'query'>;

/**
 * Rows of any statement. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` instead of the rows;
 * SELECT and INSERT rows are objects, so an array whose first element is an array can only be that pair.
 */
export async function queryRows<T>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

export async function queryOne<T>(db: Db, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(db, sql, params))[0];
}

/** Postgres unique_violation: the race-free signal for userName uniqueness (RFC 7643 §4.1.1). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = pg.code ?? pg.driverError?.code;
  const name = pg.constraint ?? pg.driverError?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
