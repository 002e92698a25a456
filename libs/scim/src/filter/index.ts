export * from './compile-filter';
export * from './filter-ast';
export * from './parse-filter';
export * from './scim-filter.error';
export { MAX_FILTER_LENGTH, MAX_FILTER_NESTING } from './filter-parser';
export type { SqlFragment } from './sql-fragments';
