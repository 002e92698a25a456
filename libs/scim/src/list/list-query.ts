import { compileFilter } from '../filter/compile-filter';
import { ResourceTypeName } from '../schema';
import { compileSort } from '../sort/compile-sort';
import { keysetPredicate } from '../sort/keyset-predicate';
import { decodeCursor, encodeCursor, queryFingerprint } from '../paging/cursor-codec';
import { ListRequest } from '../paging/list-request';
import { Db, queryRows } from '../storage/sql';
import { USER_COLUMNS } from '../storage/user-row';
import { GROUP_COLUMNS } from '../storage/group-row';

const TABLES: Record<ResourceTypeName, { table: string; columns: string }> = {
  User: { table: 'scim_users', columns: USER_COLUMNS },
  Group: { table: 'scim_groups', columns: GROUP_COLUMNS },
};

export interface ListPage<Row> {
  totalResults: number;
  rows: Row[];
  /** Cursor paging only: where the next page starts, absent on the last page (RFC 9865 §2). */
  nextCursor?: string;
}

/**
 * One round trip per page: the total and the page come from one statement (a count joined with the
 * page as a LATERAL subquery), the filter compiled to parameters (never evaluated in memory).
 * Every query is scoped by tenant_id and skips soft-deleted rows.
 */
export async function listResources<Row>(db: Db, resourceType: ResourceTypeName, tenantId: string, request: ListRequest): Promise<ListPage<Row>> {
  const { table, columns } = TABLES[resourceType];
  const params: unknown[] = [tenantId];
  const conditions = ['r.tenant_id = $1', 'r.deleted_at IS NULL'];
  if (request.filter) {
    const filter = compileFilter(request.filter, { resourceType, firstParam: 2, tableAlias: 'r' });
    conditions.push(`(${filter.sql})`);
    params.push(...filter.params);
  }
  const where = conditions.join(' AND ');
  const count = `SELECT count(*)::int AS total FROM ${table} r WHERE ${where}`;
  if (request.count === 0) {
    const [row] = await queryRows<{ total: number }>(db, count, params);
    return { totalResults: row.total, rows: [] };
  }
  const sort = compileSort({ resourceType, sortBy: request.sortBy, sortOrder: request.sortOrder, tableAlias: 'r' });
  const page: string[] = [where];
  let limit = request.count;
  let offset = 0;
  const binding = { key: request.cursorKey, tenantId, fingerprint: queryFingerprint([resourceType, request.filter, sort.attributePath, sort.direction]) };
  if (request.cursor !== undefined) {
    if (request.cursor !== '') {
      const keyset = keysetPredicate(sort, decodeCursor(request.cursor, binding), params.length + 1);
      page.push(keyset.sql);
      params.push(...keyset.params);
    }
    limit += 1; // one extra row tells whether a next page exists
  } else {
    offset = request.startIndex - 1;
  }
  params.push(offset, limit);
  const sql =
    `SELECT c.total, p.* FROM (${count}) c LEFT JOIN LATERAL (` +
    `SELECT ${columns.split(', ').map((column) => `r.${column}`).join(', ')}, ${sort.cursorValueSql} AS sort_key ` +
    `FROM ${table} r WHERE ${page.join(' AND ')} ORDER BY ${sort.orderBy} OFFSET $${params.length - 1} LIMIT $${params.length}` +
    `) p ON true`;
  const result = await queryRows<Row & { total: number; id: string | null; sort_key: string | null }>(db, sql, params);
  const totalResults = result[0]?.total ?? 0;
  let rows = result.filter((row) => row.id !== null);
  let nextCursor: string | undefined;
  if (request.cursor !== undefined && rows.length > request.count) {
    rows = rows.slice(0, request.count);
    const last = rows[rows.length - 1];
    nextCursor = encodeCursor({ value: last.sort_key, id: last.id! }, binding);
  }
  return { totalResults, rows: rows as Row[], nextCursor };
}
