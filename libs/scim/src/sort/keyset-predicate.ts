import { SqlFragment, SqlParams } from '../filter/sql-fragments';
import { SortPlan } from './compile-sort';

/** The last row of a page: its `cursorValueSql` value (null when it had none) and its id. */
export interface KeysetPosition {
  value: string | null;
  id: string;
}

/**
 * Rows after `after` in the plan's order, for cursor pagination (RFC 9865) over (sort key, id).
 * NULL keys are handled apart: they sort last ascending and first descending.
 */
export function keysetPredicate(plan: SortPlan, after: KeysetPosition, firstParam = 1): SqlFragment {
  const params = new SqlParams(firstParam);
  const key = plan.expression;
  const id = plan.idExpression;
  const idParam = `${params.add(after.id)}::uuid`;
  const beyond = plan.direction === 'ASC' ? '>' : '<';
  if (after.value === null) {
    const sql = plan.direction === 'ASC' ? `(${key} IS NULL AND ${id} > ${idParam})` : `((${key} IS NULL AND ${id} < ${idParam}) OR ${key} IS NOT NULL)`;
    return { sql, params: params.values };
  }
  const valueParam = `${params.add(after.value)}::${plan.valueType}`;
  // A row comparison means the same as `key > v OR (key = v AND id > i)` (NULL keys fall out of both), but
  // Postgres can start a (tenant_id, key, id) index scan at it; the OR form scans from the first row.
  const later = `(${key}, ${id}) ${beyond} (${valueParam}, ${idParam})`;
  const sql = plan.direction === 'ASC' && !plan.notNull ? `(${later} OR ${key} IS NULL)` : `(${later})`;
  return { sql, params: params.values };
}
