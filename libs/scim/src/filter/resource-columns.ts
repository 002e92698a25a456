import { ResourceTypeName } from '../schema';
import { Operand } from './operand';
import { sqlLiteral } from './sql-fragments';

/** Storage of each resource type (migrations/1763884900000-CreateScimResources.ts). */
export const RESOURCE_TABLES: Record<ResourceTypeName, string> = { User: 'scim_users', Group: 'scim_groups' };

type ColumnMap = Record<string, (table: string) => Operand>;

const COMMON_COLUMNS: ColumnMap = {
  id: (table) => ({ sql: `${table}.id`, kind: 'uuid' }),
  externalId: (table) => ({ sql: `${table}.external_id`, kind: 'text' }),
  displayName: (table) => ({ sql: `${table}.display_name`, kind: 'text' }),
  'meta.created': (table) => ({ sql: `${table}.created_at`, kind: 'timestamptz' }),
  'meta.lastModified': (table) => ({ sql: `${table}.last_modified`, kind: 'timestamptz' }),
};

/**
 * Hot attributes kept as indexed columns, keyed by canonical path. The SQL shapes match the indexes:
 * lower(user_name) and lower(display_name) because both attributes are caseExact false.
 */
const HOT_COLUMNS: Record<ResourceTypeName, ColumnMap> = {
  User: {
    ...COMMON_COLUMNS,
    userName: (table) => ({ sql: `${table}.user_name`, kind: 'text' }),
    active: (table) => ({ sql: `${table}.active`, kind: 'boolean' }),
    'meta.resourceType': () => ({ sql: `${sqlLiteral('User')}::text`, kind: 'text' }),
  },
  Group: {
    ...COMMON_COLUMNS,
    'meta.resourceType': () => ({ sql: `${sqlLiteral('Group')}::text`, kind: 'text' }),
  },
};

/**
 * meta.location and meta.version are rendered from the request's base URL and the row version when a
 * resource is returned; they are not stored, so filters and sorting on them are not supported.
 */
export const UNSTORED_PATHS = new Set(['meta.location', 'meta.version']);

export function hotColumn(resourceType: ResourceTypeName, canonicalPath: string, table: string): Operand | undefined {
  return HOT_COLUMNS[resourceType][canonicalPath]?.(table);
}

/** Multi-valued attributes held in scim_group_members rather than in the resource jsonb. */
export function isMembershipAttribute(resourceType: ResourceTypeName, canonicalName: string): boolean {
  return (resourceType === 'Group' && canonicalName === 'members') || (resourceType === 'User' && canonicalName === 'groups');
}

/** Aliases of the subqueries filters and sort keys generate; a caller's alias must not shadow them. */
export const INTERNAL_ALIAS_PREFIX = 'scim_';

/** Restricts an SQL alias to a plain identifier: it is the only caller-supplied text spliced into SQL. */
export function checkTableAlias(alias: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`Invalid table alias ${JSON.stringify(alias)}`);
  if (alias.toLowerCase().startsWith(INTERNAL_ALIAS_PREFIX) && !Object.values(RESOURCE_TABLES).includes(alias)) {
    throw new Error(`Table alias ${alias} would shadow the ${INTERNAL_ALIAS_PREFIX}* aliases of generated subqueries`);
  }
  return alias;
}
