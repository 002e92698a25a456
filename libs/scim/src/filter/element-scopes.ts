import { AttributeDefinition, ResourceTypeName } from '../schema';
import { Operand } from './operand';
import { ScimFilterError } from './scim-filter.error';
import { jsonArrayOrEmpty, jsonObjectAsArray, jsonObjectHasContent, sqlLiteral, SQL_TRUE } from './sql-fragments';

/**
 * The elements of one complex attribute, iterated by an EXISTS subquery: RFC 7644 §3.4.2.2 lets a
 * multi-valued attribute match when any of its values matches, and a value filter `attr[...]` needs
 * all its conditions to hold on the same element.
 */
export interface ElementScope {
  parent: AttributeDefinition;
  exists(condition: string): string;
  operand(subAttribute: AttributeDefinition): Operand;
  /** Condition meaning "this element has content", for `emails pr`. */
  present: string;
}

/** Elements stored in the resource jsonb (emails, addresses, name, manager, …). */
export function jsonElementScope(parent: AttributeDefinition, jsonExpression: string, alias: string): ElementScope {
  const elements = parent.multiValued ? jsonArrayOrEmpty(jsonExpression) : jsonObjectAsArray(jsonExpression);
  return {
    parent,
    exists: (condition) => `EXISTS (SELECT 1 FROM jsonb_array_elements(${elements}) AS ${alias}(v) WHERE ${condition})`,
    operand: (sub) => ({ sql: `${alias}.v->>${sqlLiteral(sub.name)}`, kind: 'text' }),
    present: jsonObjectHasContent(`${alias}.v`),
  };
}

function notFilterable(parent: AttributeDefinition, sub: AttributeDefinition): never {
  throw new ScimFilterError(`${parent.name}.${sub.name} is not filterable: it is rendered when the resource is returned, not stored`);
}

/** Group.members live in scim_group_members, so member filters never read the group's jsonb. */
export function groupMembersScope(parent: AttributeDefinition, table: string, alias: string): ElementScope {
  return {
    parent,
    exists: (condition) =>
      `EXISTS (SELECT 1 FROM scim_group_members ${alias} WHERE ${alias}.tenant_id = ${table}.tenant_id AND ${alias}.group_id = ${table}.id AND ${condition})`,
    operand: (sub) => {
      if (sub.name === 'value') return { sql: `${alias}.member_id`, kind: 'uuid' };
      if (sub.name === 'type') return { sql: `${alias}.member_type`, kind: 'text' };
      return notFilterable(parent, sub);
    },
    present: SQL_TRUE,
  };
}

/**
 * User.groups is derived from scim_group_members (RFC 7643 §4.1.2: read-only, managed through Group).
 * Only direct memberships are stored, so every element's type is "direct".
 */
export function userGroupsScope(parent: AttributeDefinition, table: string, alias: string): ElementScope {
  const groupAlias = `${alias}g`;
  return {
    parent,
    exists: (condition) =>
      `EXISTS (SELECT 1 FROM scim_group_members ${alias} JOIN scim_groups ${groupAlias} ON ${groupAlias}.tenant_id = ${alias}.tenant_id AND ${groupAlias}.id = ${alias}.group_id AND ${groupAlias}.deleted_at IS NULL WHERE ${alias}.tenant_id = ${table}.tenant_id AND ${alias}.member_id = ${table}.id AND ${condition})`,
    operand: (sub) => {
      if (sub.name === 'value') return { sql: `${alias}.group_id`, kind: 'uuid' };
      if (sub.name === 'display') return { sql: `${groupAlias}.display_name`, kind: 'text' };
      if (sub.name === 'type') return { sql: `${sqlLiteral('direct')}::text`, kind: 'text' };
      return notFilterable(parent, sub);
    },
    present: SQL_TRUE,
  };
}

export function membershipScope(resourceType: ResourceTypeName, parent: AttributeDefinition, table: string, alias: string): ElementScope {
  return resourceType === 'Group' ? groupMembersScope(parent, table, alias) : userGroupsScope(parent, table, alias);
}
