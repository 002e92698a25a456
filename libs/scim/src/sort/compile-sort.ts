import { ResourceTypeName } from '../schema';
import { checkTableAlias, RESOURCE_TABLES } from '../filter/resource-columns';
import { ScimSortError } from './scim-sort.error';
import { SortKey, sortKeyFor } from './sort-expression';

export interface CompileSortOptions {
  resourceType: ResourceTypeName;
  sortBy?: string;
  /** "ascending" (the default) or "descending", case-insensitively. */
  sortOrder?: string;
  tableAlias?: string;
}

/** How a list query orders its rows; `orderBy` always ends with the id so pages never overlap. */
export interface SortPlan extends SortKey {
  direction: 'ASC' | 'DESC';
  /** SQL of the id tiebreak, e.g. `scim_users.id`. */
  idExpression: string;
  /** The ORDER BY list (without the keywords ORDER BY). */
  orderBy: string;
  /** Select this to build a cursor: a lossless text form of the sort key (timestamps keep microseconds). */
  cursorValueSql: string;
}

/**
 * Without sortBy, or with one the schema does not define, resources come in creation order
 * (meta.created, then id): stable while resources change and served by the (tenant_id, created_at, id) indexes.
 */
export function compileSort(options: CompileSortOptions): SortPlan {
  const table = checkTableAlias(options.tableAlias ?? RESOURCE_TABLES[options.resourceType]);
  const direction = sortDirection(options.sortOrder);
  const requested = options.sortBy === undefined || options.sortBy === '' ? undefined : sortKeyFor(options.resourceType, options.sortBy, table);
  const key: SortKey = requested ?? { expression: `${table}.created_at`, valueType: 'timestamptz', attributePath: 'meta.created', notNull: true };
  // RFC 7644 §3.4.2.3: resources without a value sort last ascending and first descending,
  // which is what Postgres does by default; spelled out so keyset predicates can rely on it.
  const nulls = direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
  const idExpression = `${table}.id`;
  return {
    ...key,
    direction,
    idExpression,
    orderBy: `${key.expression} ${direction} ${nulls}, ${idExpression} ${direction}`,
    cursorValueSql: `(${key.expression})::text`,
  };
}

function sortDirection(sortOrder: string | undefined): 'ASC' | 'DESC' {
  if (sortOrder === undefined || sortOrder === '' || sortOrder.toLowerCase() === 'ascending') return 'ASC';
  if (sortOrder.toLowerCase() === 'descending') return 'DESC';
  throw new ScimSortError(`sortOrder must be "ascending" or "descending", not "${sortOrder}"`);
}
