export * from './compile-sort';
export * from './keyset-predicate';
export * from './scim-sort.error';
export { sortKeyFor } from './sort-expression';
export type { SortKey } from './sort-expression';
