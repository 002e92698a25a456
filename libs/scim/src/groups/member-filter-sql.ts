import { FilterNode } from '../filter/filter-ast';
import { compareOperand, Operand, presentOperand } from '../filter/operand';
import { ScimFilterError } from '../filter/scim-filter.error';
import { SqlParams } from '../filter/sql-fragments';
import { findSubAttribute, GROUP_SCHEMA } from '../schema';

const MEMBERS = GROUP_SCHEMA.attributes.find((attribute) => attribute.name === 'members')!;

/**
 * The value filter of a PATCH path such as `members[type eq "Group"]` as a condition on
 * scim_group_members rows (alias `m`), so removing the matches is one DELETE whatever the group
 * size. Only the stored sub-attributes value and type can be tested; display and $ref are rendered.
 */
export function memberFilterSql(node: FilterNode, params: SqlParams): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${memberFilterSql(node.left, params)} ${node.kind.toUpperCase()} ${memberFilterSql(node.right, params)})`;
    case 'not':
      return `NOT COALESCE(${memberFilterSql(node.filter, params)}, FALSE)`;
    case 'valuePath':
      throw new ScimFilterError('Value filters cannot nest');
    default: {
      const sub = node.path.uri || node.path.subAttribute ? undefined : findSubAttribute(MEMBERS, node.path.attribute);
      if (!sub) throw new ScimFilterError(`members[${node.path.attribute}…]: members have value, type, display and $ref`);
      const operand = memberOperand(sub.name);
      if (node.kind === 'present') return presentOperand(operand);
      return compareOperand(operand, { label: `members.${sub.name}`, attribute: sub, operator: node.operator, value: node.value }, params);
    }
  }
}

function memberOperand(name: string): Operand {
  if (name === 'value') return { sql: 'm.member_id', kind: 'uuid' };
  if (name === 'type') return { sql: 'm.member_type', kind: 'text' };
  throw new ScimFilterError(`members.${name} cannot be used in a PATCH filter: it is not stored; filter on value or type`);
}
