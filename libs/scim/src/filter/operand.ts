import { AttributeDefinition } from '../schema';
import { ComparisonOperator, ComparisonValue } from './filter-ast';
import { expectBoolean, expectDateTime, expectNumber, expectString, isUuid } from './filter-values';
import { ScimFilterError } from './scim-filter.error';
import { escapeLike, SQL_FALSE, SQL_TRUE, SqlParams } from './sql-fragments';

/**
 * Where one attribute value lives in SQL. `text` covers jsonb leaves read with ->> and text columns;
 * the other kinds are typed columns whose comparisons must keep their type to use their indexes.
 */
export interface Operand {
  sql: string;
  kind: 'text' | 'uuid' | 'boolean' | 'timestamptz';
}

const SQL_OPERATORS: Record<'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le', string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const ORDERING = new Set<ComparisonOperator>(['gt', 'ge', 'lt', 'le']);
const SUBSTRING = new Set<ComparisonOperator>(['co', 'sw', 'ew']);

export interface Comparison {
  /** The attribute as the client named it, for error details. */
  label: string;
  attribute: AttributeDefinition;
  operator: ComparisonOperator;
  value: ComparisonValue;
}

/** RFC 7644 §3.4.2.2 "pr": has a value that is not null and, for strings, not empty. */
export function presentOperand(operand: Operand): string {
  return operand.kind === 'text' ? `(${operand.sql} IS NOT NULL AND ${operand.sql} <> '')` : `${operand.sql} IS NOT NULL`;
}

/** One comparison typed by the attribute's schema type (RFC 7644 §3.4.2.2 operator table). */
export function compareOperand(operand: Operand, comparison: Comparison, params: SqlParams): string {
  const { label, attribute, value } = comparison;
  // The compiler rewrites "eq null" and "ne null" into pr before it reaches an operand.
  if (value === null) throw new ScimFilterError(`${label}: null cannot be compared here`);
  switch (attribute.type) {
    case 'boolean':
      return compareBoolean(operand, comparison, expectBoolean(label, attribute, value), params);
    case 'dateTime':
      rejectSubstringOperator(comparison);
      return compareOrdered(operand, comparison, `${params.add(expectDateTime(label, attribute, value))}::timestamptz`, '::timestamptz');
    case 'integer':
    case 'decimal':
      rejectSubstringOperator(comparison);
      return compareOrdered(operand, comparison, `${params.add(expectNumber(label, attribute, value))}::numeric`, '::numeric');
    case 'string':
    case 'reference':
    case 'binary':
      return compareString(operand, comparison, expectString(label, attribute, value), params);
    case 'complex':
      throw new ScimFilterError(`${label} is complex: compare one of its sub-attributes`);
  }
}

function compareBoolean(operand: Operand, { label, operator }: Comparison, value: boolean, params: SqlParams): string {
  if (operator !== 'eq' && operator !== 'ne') {
    throw new ScimFilterError(`${label} is a boolean attribute: only eq, ne and pr apply, not ${operator}`);
  }
  const placeholder = operand.kind === 'boolean' ? `${params.add(value)}::boolean` : params.add(String(value));
  return `${operand.sql} ${SQL_OPERATORS[operator]} ${placeholder}`;
}

function rejectSubstringOperator({ label, attribute, operator }: Comparison): void {
  if (SUBSTRING.has(operator)) throw new ScimFilterError(`${label} is a ${attribute.type} attribute: ${operator} applies to strings only`);
}

/** dateTime and numbers compare in their own type; jsonb text is cast to it. */
function compareOrdered(operand: Operand, { operator }: Comparison, placeholder: string, cast: string): string {
  const expression = operand.kind === 'text' ? `(${operand.sql})${cast}` : operand.sql;
  return `${expression} ${SQL_OPERATORS[operator as keyof typeof SQL_OPERATORS]} ${placeholder}`;
}

function compareString(operand: Operand, comparison: Comparison, value: string, params: SqlParams): string {
  const { label, attribute, operator } = comparison;
  if (ORDERING.has(operator) && attribute.type === 'binary') {
    throw new ScimFilterError(`${label} is a binary attribute: ${operator} does not apply`);
  }
  if (operand.kind === 'uuid' && (operator === 'eq' || operator === 'ne')) {
    // Ids are uuids; a value that is not one matches nothing rather than failing the cast in SQL.
    if (!isUuid(value)) return operator === 'eq' ? SQL_FALSE : SQL_TRUE;
    return `${operand.sql} ${SQL_OPERATORS[operator]} ${params.add(value)}::uuid`;
  }
  const text = operand.kind === 'text' ? operand.sql : `${operand.sql}::text`;
  const fold = (expression: string) => (attribute.caseExact ? expression : `lower(${expression})`);
  switch (operator) {
    case 'co':
      return `${fold(text)} LIKE ${fold(params.add(`%${escapeLike(value)}%`))}`;
    case 'sw':
      return `${fold(text)} LIKE ${fold(params.add(`${escapeLike(value)}%`))}`;
    case 'ew':
      return `${fold(text)} LIKE ${fold(params.add(`%${escapeLike(value)}`))}`;
    case 'eq':
    case 'ne':
      return `${fold(text)} ${SQL_OPERATORS[operator]} ${fold(params.add(value))}`;
    default:
      // "lexicographical comparison" (RFC 7644 §3.4.2.2): code point order whatever the database collation.
      return `${fold(text)} COLLATE "C" ${SQL_OPERATORS[operator]} ${fold(params.add(value))}`;
  }
}
