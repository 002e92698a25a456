import { AttributeDefinition, findSubAttribute, resolveAttribute, ResolvedAttribute, ResourceTypeName, SCHEMAS_ATTRIBUTE } from '../schema';
import { AttributePath, describePath, FilterNode } from './filter-ast';
import { ElementScope, jsonElementScope, membershipScope } from './element-scopes';
import { emailValueEqualities } from './email-lookup';
import { compareOperand, Operand, presentOperand } from './operand';
import { parseFilter } from './parse-filter';
import { checkTableAlias, hotColumn, INTERNAL_ALIAS_PREFIX, isMembershipAttribute, RESOURCE_TABLES, UNSTORED_PATHS } from './resource-columns';
import { ScimFilterError } from './scim-filter.error';
import { jsonArrayOrEmpty, jsonObjectHasContent, jsonPath, SQL_FALSE, SQL_TRUE, SqlFragment, SqlParams } from './sql-fragments';

export interface CompileFilterOptions {
  resourceType: ResourceTypeName;
  /** Number of the first placeholder, e.g. 2 when the caller's `tenant_id = $1` comes first. */
  firstParam?: number;
  /** Alias the caller gives the resource table; defaults to the table name. */
  tableAlias?: string;
}

type AttributeNode = Extract<FilterNode, { path: AttributePath }>;

/**
 * Compiles a SCIM filter into a parameterised WHERE fragment over scim_users or scim_groups; the
 * caller adds `tenant_id = $1 AND deleted_at IS NULL`. Attribute names become only expressions built
 * from the schema; every value is a parameter.
 *
 * An attribute the schema does not define is unassigned on every resource, so a comparison on it
 * is false (RFC 7644 §3.4.2.2 evaluates filters against attribute values; no value, no match) and
 * `not (...)` of it is true. See docs/filtering.md.
 */
export function compileFilter(filter: string | FilterNode, options: CompileFilterOptions): SqlFragment {
  const node = typeof filter === 'string' ? parseFilter(filter) : filter;
  const params = new SqlParams(options.firstParam ?? 1);
  const table = checkTableAlias(options.tableAlias ?? RESOURCE_TABLES[options.resourceType]);
  const sql = new FilterCompilation(options.resourceType, table, params).compile(node);
  return { sql, params: params.values };
}

class FilterCompilation {
  private aliasCount = 0;

  constructor(
    private readonly resourceType: ResourceTypeName,
    private readonly table: string,
    private readonly params: SqlParams,
  ) {}

  compile(node: FilterNode, scope?: ElementScope): string {
    switch (node.kind) {
      case 'and':
        return `(${this.compile(node.left, scope)} AND ${this.compile(node.right, scope)})`;
      case 'or':
        return `(${this.compile(node.left, scope)} OR ${this.compile(node.right, scope)})`;
      case 'not':
        // Comparisons on absent values yield NULL; NOT must turn "no match" into a match, not NULL.
        return `NOT COALESCE(${this.compile(node.filter, scope)}, FALSE)`;
      default:
        if (node.kind === 'compare' && node.value === null) return this.compileNullComparison(node, scope);
        return scope ? this.compileInElement(node, scope) : this.compileAttribute(node);
    }
  }

  /**
   * "eq null" asks for an unassigned attribute (RFC 7643 §2.5), i.e. `not (attr pr)`, and "ne null"
   * for an assigned one. Rewritten before reaching the elements: `emails.primary eq null` means no
   * email has a primary, not that some email lacks one.
   */
  private compileNullComparison(node: Extract<FilterNode, { kind: 'compare' }>, scope?: ElementScope): string {
    const present: FilterNode = { kind: 'present', path: node.path };
    if (node.operator === 'eq') return `NOT COALESCE(${this.compile(present, scope)}, FALSE)`;
    if (node.operator === 'ne') return this.compile(present, scope);
    throw new ScimFilterError(`${describePath(node.path)} ${node.operator} null (position ${node.path.position}): only eq and ne accept null`);
  }

  /** A comparison inside `attr[...]`: its names are sub-attributes of attr. */
  private compileInElement(node: AttributeNode, scope: ElementScope): string {
    const { path } = node;
    const sub = path.uri || path.subAttribute ? undefined : findSubAttribute(scope.parent, path.attribute);
    if (!sub) return SQL_FALSE;
    return this.leaf(node, scope.operand(sub), sub);
  }

  private compileAttribute(node: AttributeNode): string {
    const { path } = node;
    if (!path.uri && !path.subAttribute && !path.valueFilter && path.attribute.toLowerCase() === 'schemas') return this.compileSchemas(node);
    const subAttribute = path.valueFilter ? undefined : path.subAttribute;
    const resolved = resolveAttribute(this.resourceType, { uri: path.uri, attribute: path.attribute, subAttribute });
    if (!resolved) return SQL_FALSE;
    if (path.valueFilter) return this.compileValueFilter(node, resolved, path.valueFilter);
    if (UNSTORED_PATHS.has(resolved.path)) throw new ScimFilterError(`${describePath(path)} is not filterable`);
    const column = hotColumn(this.resourceType, resolved.path, this.table);
    if (column) return this.leaf(node, column, resolved.attribute);
    const top = resolved.parent ?? resolved.attribute;
    if (top.multiValued) return this.compileMultiValued(node, resolved, top);
    if (resolved.attribute.type === 'complex') return this.compileWholeComplex(node, resolved);
    return this.leaf(node, { sql: jsonPath(`${this.table}.resource`, resolved.storagePath, true), kind: 'text' }, resolved.attribute);
  }

  /** `emails[type eq "work"]` and Entra's `emails[type eq "work"].value eq "x"`: one element satisfies all. */
  private compileValueFilter(node: AttributeNode, resolved: ResolvedAttribute, valueFilter: FilterNode): string {
    if (resolved.attribute.type !== 'complex') {
      throw new ScimFilterError(`${describePath(node.path)}: a value filter needs a complex attribute`);
    }
    // Resolve before compiling anything: a parameter whose SQL is dropped would leave Postgres unable to type it.
    const sub = node.kind === 'valuePath' ? undefined : findSubAttribute(resolved.attribute, node.path.subAttribute!);
    if (node.kind !== 'valuePath' && !sub) return SQL_FALSE;
    const scope = this.scopeFor(resolved, resolved.attribute);
    let condition = this.compile(valueFilter, scope);
    if (sub) condition = `${condition} AND ${this.leaf(node, scope.operand(sub), sub)}`;
    const emailValues = this.isUserEmails(resolved.attribute) ? emailValueEqualities(node, valueFilter) : [];
    const prefilter = emailValues.slice(0, 1).map((email) => `${this.emailsContain(email)} AND `).join('');
    return `(${prefilter}${scope.exists(condition)})`;
  }

  /** Any element matches (RFC 7644 §3.4.2.2); `emails co "x"` means `emails.value co "x"`. */
  private compileMultiValued(node: AttributeNode, resolved: ResolvedAttribute, top: AttributeDefinition): string {
    const scope = this.scopeFor(resolved, top);
    if (!resolved.parent && node.kind === 'present') return scope.exists(scope.present);
    const leaf = resolved.parent ? resolved.attribute : findSubAttribute(top, 'value');
    if (!leaf) throw new ScimFilterError(`${describePath(node.path)} is complex: name one of its sub-attributes`);
    if (this.isUserEmails(top) && leaf.name === 'value' && node.kind === 'compare' && node.operator === 'eq' && typeof node.value === 'string') {
      // The emails text[] column holds every lower-cased email value behind a GIN index.
      return this.emailsContain(node.value);
    }
    return scope.exists(this.leaf(node, scope.operand(leaf), leaf));
  }

  /**
   * `name pr`, `manager pr`. A comparison on a whole singular complex value means its "value"
   * sub-attribute, as for multi-valued ones: Entra checks managers with `manager eq "<id>"`.
   */
  private compileWholeComplex(node: AttributeNode, resolved: ResolvedAttribute): string {
    if (node.kind === 'present') {
      if (resolved.path === 'meta') return SQL_TRUE;
      return jsonObjectHasContent(jsonPath(`${this.table}.resource`, resolved.storagePath, false));
    }
    const value = findSubAttribute(resolved.attribute, 'value');
    if (!value) throw new ScimFilterError(`${describePath(node.path)} is complex: name one of its sub-attributes`);
    return this.leaf(node, { sql: jsonPath(`${this.table}.resource`, [...resolved.storagePath, value.name], true), kind: 'text' }, value);
  }

  /** RFC 7644 §3.4.2.2: "Clients MAY query by schema or schema extensions" (`schemas eq "urn:…"`). */
  private compileSchemas(node: AttributeNode): string {
    const alias = `${INTERNAL_ALIAS_PREFIX}${++this.aliasCount}`;
    const uris = jsonArrayOrEmpty(`${this.table}.resource->'schemas'`);
    const condition = this.leaf(node, { sql: `${alias}.v`, kind: 'text' }, SCHEMAS_ATTRIBUTE);
    return `EXISTS (SELECT 1 FROM jsonb_array_elements_text(${uris}) AS ${alias}(v) WHERE ${condition})`;
  }

  private leaf(node: AttributeNode, operand: Operand, attribute: AttributeDefinition): string {
    if (node.kind === 'present') return presentOperand(operand);
    if (node.kind === 'valuePath') throw new ScimFilterError(`Value filters cannot nest (position ${node.path.position})`);
    if (attribute.type === 'complex') throw new ScimFilterError(`${describePath(node.path)} is complex: name one of its sub-attributes`);
    const label = `${describePath(node.path)} (position ${node.path.position})`;
    return compareOperand(operand, { label, attribute, operator: node.operator, value: node.value }, this.params);
  }

  private scopeFor(resolved: ResolvedAttribute, top: AttributeDefinition): ElementScope {
    const alias = `${INTERNAL_ALIAS_PREFIX}${++this.aliasCount}`;
    if (isMembershipAttribute(this.resourceType, top.name)) return membershipScope(this.resourceType, top, this.table, alias);
    const keys = resolved.parent ? resolved.storagePath.slice(0, -1) : resolved.storagePath;
    return jsonElementScope(top, jsonPath(`${this.table}.resource`, keys, false), alias);
  }

  private isUserEmails(attribute: AttributeDefinition): boolean {
    return this.resourceType === 'User' && attribute.name === 'emails';
  }

  /** The storage layer lower-cases the column with JavaScript's toLowerCase; the value is folded the same way. */
  private emailsContain(email: string): string {
    return `${this.table}.emails @> ARRAY[${this.params.add(email.toLowerCase())}]::text[]`;
  }
}
