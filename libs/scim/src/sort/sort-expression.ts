import { AttributeDefinition, findSubAttribute, resolveAttributePath, ResolvedAttribute, ResourceTypeName } from '../schema';
import { isAttributeName } from '../filter/attribute-path-syntax';
import { Operand } from '../filter/operand';
import { hotColumn, isMembershipAttribute, UNSTORED_PATHS } from '../filter/resource-columns';
import { jsonArrayOrEmpty, jsonPath, sqlLiteral } from '../filter/sql-fragments';
import { ScimSortError } from './scim-sort.error';

/** An ORDER BY key: its SQL and the type a cursor value must be cast to when compared with it. */
export interface SortKey {
  expression: string;
  valueType: Operand['kind'];
  /** Canonical path sorted on, e.g. 'name.familyName'. */
  attributePath: string;
  /** The column can hold no NULL (meta.created): the keyset then needs no NULL branch, and stays one index range. */
  notNull?: boolean;
}

/**
 * The SQL a resource is sorted by for `sortBy` (RFC 7644 §3.4.2.3), or undefined when the schema
 * does not define the attribute: like a filter on it, it is unassigned on every resource, and
 * resources without a value keep the default order.
 */
export function sortKeyFor(resourceType: ResourceTypeName, sortBy: string, table: string): SortKey | undefined {
  if (!isAttributePathSyntax(sortBy)) throw new ScimSortError(`sortBy "${sortBy}" is not an attribute path`);
  const resolved = resolveAttributePath(resourceType, sortBy);
  if (!resolved) return undefined;
  const top = resolved.parent ?? resolved.attribute;
  if (UNSTORED_PATHS.has(resolved.path) || isMembershipAttribute(resourceType, top.name)) {
    throw new ScimSortError(`sortBy ${resolved.path} is not supported: the value is not stored with the resource`);
  }
  const column = hotColumn(resourceType, resolved.path, table);
  if (column) return { expression: foldCase(column, resolved.attribute), valueType: column.kind, attributePath: resolved.path };
  if (top.multiValued) return primaryValueKey(resolved, top, table);
  if (resolved.attribute.type === 'complex') {
    throw new ScimSortError(`sortBy ${resolved.path} is complex: name one of its sub-attributes, e.g. ${resolved.path}.${resolved.attribute.subAttributes?.[0]?.name}`);
  }
  const operand: Operand = { sql: jsonPath(`${table}.resource`, resolved.storagePath, true), kind: 'text' };
  return { expression: foldCase(operand, resolved.attribute), valueType: 'text', attributePath: resolved.path };
}

/**
 * RFC 7644 §3.4.2.3: a multi-valued attribute sorts by its primary value, else its first one;
 * `emails` alone means the value sub-attribute.
 */
function primaryValueKey(resolved: ResolvedAttribute, top: AttributeDefinition, table: string): SortKey {
  const leaf = resolved.parent ? resolved.attribute : findSubAttribute(top, 'value');
  if (!leaf) throw new ScimSortError(`sortBy ${resolved.path} is complex: name one of its sub-attributes`);
  const keys = resolved.parent ? resolved.storagePath.slice(0, -1) : resolved.storagePath;
  const elements = jsonArrayOrEmpty(jsonPath(`${table}.resource`, keys, false));
  const element: Operand = { sql: `scim_element.v->>${sqlLiteral(leaf.name)}`, kind: 'text' };
  const expression =
    `(SELECT ${foldCase(element, leaf)} FROM jsonb_array_elements(${elements}) WITH ORDINALITY AS scim_element(v, position)` +
    ` ORDER BY (scim_element.v->'primary') = 'true'::jsonb DESC NULLS LAST, scim_element.position LIMIT 1)`;
  const path = resolved.parent ? resolved.path : `${resolved.path}.${leaf.name}`;
  return { expression, valueType: 'text', attributePath: path };
}

/** caseExact false orders case-insensitively (RFC 7644 §3.4.2.3); code point order either way. */
function foldCase(operand: Operand, attribute: AttributeDefinition): string {
  if (operand.kind !== 'text') return operand.sql;
  return attribute.caseExact ? `${operand.sql} COLLATE "C"` : `lower(${operand.sql}) COLLATE "C"`;
}

function isAttributePathSyntax(path: string): boolean {
  const withoutUrn = /^urn:/i.test(path) ? path.slice(path.lastIndexOf(':') + 1) : path;
  const parts = withoutUrn.split('.');
  return parts.length <= 2 && parts.every(isAttributeName);
}
