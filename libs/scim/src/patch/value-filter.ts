import { AttributeDefinition } from '../schema';
import { AttributePath, ComparisonOperator, ComparisonValue, FilterNode } from '../filter';
import { findAttribute } from '../resource-model/attribute-ref';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { invalidFilter, invalidPath } from '../resource-model/scim-validation-error';
import { compareValues } from './compare-values';
import { ValueFilter } from './patch-target';

type Test = (element: JsonObject) => boolean;

/**
 * Binds the value filter of a PATCH path (`emails[type eq "work"]`) to the sub-attributes of its
 * multi-valued attribute, checking names and comparison types up front so that a bad filter fails
 * whether or not the resource has values (RFC 7644 §3.5.2: invalidPath / invalidFilter).
 */
export function bindValueFilter(attribute: AttributeDefinition, node: FilterNode, label: string): ValueFilter {
  const test = compile(attribute, node, label);
  return {
    expression: node,
    // A simple multi-valued attribute's elements are addressed as `value` (RFC 7644 §3.4.2.2).
    test: (element) => test(isJsonObject(element) ? element : { value: element }),
    equalities: equalityAlternatives(attribute, node, label),
  };
}

function compile(attribute: AttributeDefinition, node: FilterNode, label: string): Test {
  switch (node.kind) {
    case 'and': {
      const [left, right] = [compile(attribute, node.left, label), compile(attribute, node.right, label)];
      return (element) => left(element) && right(element);
    }
    case 'or': {
      const [left, right] = [compile(attribute, node.left, label), compile(attribute, node.right, label)];
      return (element) => left(element) || right(element);
    }
    case 'not': {
      const inner = compile(attribute, node.filter, label);
      return (element) => !inner(element);
    }
    case 'present': {
      const sub = subAttributeOf(attribute, node.path, label);
      return (element) => isPresent(element[sub.name]);
    }
    case 'compare': {
      const sub = subAttributeOf(attribute, node.path, label);
      assertComparable(sub, node.operator, node.value, label);
      return (element) => compareValues(sub, element[sub.name], node.operator, node.value);
    }
    default:
      throw invalidFilter(`${label}: a value filter cannot contain another value filter`);
  }
}

/** `type` inside `emails[…]`; also the qualified `emails.type` form. */
function subAttributeOf(attribute: AttributeDefinition, path: AttributePath, label: string): AttributeDefinition {
  const qualified = path.subAttribute !== undefined && path.attribute.toLowerCase() === attribute.name.toLowerCase();
  const name = qualified ? path.subAttribute! : path.subAttribute === undefined ? path.attribute : undefined;
  const sub = name === undefined ? undefined : attribute.type === 'complex' ? findAttribute(attribute.subAttributes, name) : undefined;
  if (sub) return sub;
  // Elements of a simple multi-valued attribute compare as "value".
  if (attribute.type !== 'complex' && name?.toLowerCase() === 'value') return { ...attribute, name: 'value', multiValued: false };
  throw invalidPath(`${label}: ${attribute.name} has no sub-attribute "${name ?? path.attribute}"`);
}

/** RFC 7644 §3.4.2.2: ordering operators on booleans, and literals of another type, are invalidFilter. */
function assertComparable(sub: AttributeDefinition, operator: ComparisonOperator, value: ComparisonValue, label: string): void {
  if (value === null) {
    if (operator !== 'eq' && operator !== 'ne') throw invalidFilter(`${label}: null can only be compared with eq or ne`);
    return;
  }
  const expected = sub.type === 'boolean' ? 'boolean' : sub.type === 'integer' || sub.type === 'decimal' ? 'number' : 'string';
  if (typeof value !== expected) throw invalidFilter(`${label}: ${sub.name} compares with a ${expected}, not ${JSON.stringify(value)}`);
  if (sub.type === 'boolean' && operator !== 'eq' && operator !== 'ne') throw invalidFilter(`${label}: ${sub.name} is boolean; use eq or ne`);
  if ((sub.type === 'dateTime' || expected === 'number') && ['co', 'sw', 'ew'].includes(operator)) {
    throw invalidFilter(`${label}: ${operator} needs a string attribute`);
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** The filter as alternatives of equality conjunctions (see ValueFilter.equalities). */
function equalityAlternatives(attribute: AttributeDefinition, node: FilterNode, label: string): JsonObject[] | undefined {
  if (node.kind === 'or') {
    const [left, right] = [equalityAlternatives(attribute, node.left, label), equalityAlternatives(attribute, node.right, label)];
    return left && right ? [...left, ...right] : undefined;
  }
  if (node.kind === 'and') {
    const [left, right] = [equalityAlternatives(attribute, node.left, label), equalityAlternatives(attribute, node.right, label)];
    if (left?.length !== 1 || right?.length !== 1) return undefined;
    const conflict = Object.keys(right[0]).some((key) => key in left[0] && left[0][key] !== right[0][key]);
    return conflict ? undefined : [{ ...left[0], ...right[0] }];
  }
  if (node.kind !== 'compare' || node.operator !== 'eq' || node.value === null) return undefined;
  return [{ [subAttributeOf(attribute, node.path, label).name]: node.value }];
}
