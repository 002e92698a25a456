import { AttributeDefinition } from '../schema';
import { ComparisonOperator, ComparisonValue } from '../filter';

/**
 * One comparison of RFC 7644 §3.4.2.2 on a stored value: strings follow the attribute's caseExact,
 * dateTimes compare as instants, an absent value only equals null. Types were checked when the
 * filter was bound.
 */
export function compareValues(attribute: AttributeDefinition, actual: unknown, operator: ComparisonOperator, expected: ComparisonValue): boolean {
  if (expected === null || actual === undefined || actual === null) {
    const equal = (actual === undefined || actual === null) && expected === null;
    return operator === 'ne' ? !equal : operator === 'eq' && equal;
  }
  if (operator === 'ne') return !compareValues(attribute, actual, 'eq', expected);
  if (typeof expected === 'boolean') return operator === 'eq' && actual === expected;
  if (typeof expected === 'number') return typeof actual === 'number' && ordered(actual, expected, operator);
  if (typeof actual !== 'string') return false;
  if (attribute.type === 'dateTime') return ordered(Date.parse(actual), Date.parse(expected), operator);
  const [a, b] = attribute.caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
  if (operator === 'co') return a.includes(b);
  if (operator === 'sw') return a.startsWith(b);
  if (operator === 'ew') return a.endsWith(b);
  return ordered(a, b, operator);
}

function ordered<T extends number | string>(a: T, b: T, operator: ComparisonOperator): boolean {
  switch (operator) {
    case 'eq':
      return a === b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return false;
  }
}
