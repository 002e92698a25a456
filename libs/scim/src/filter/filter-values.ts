import { AttributeDefinition } from '../schema';
import { ComparisonValue } from './filter-ast';
import { ScimFilterError } from './scim-filter.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))?$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

function wrongType(label: string, attribute: AttributeDefinition, value: ComparisonValue, expected: string): never {
  throw new ScimFilterError(`${label} is a ${attribute.type} attribute; ${JSON.stringify(value)} is not ${expected}`);
}

export function expectString(label: string, attribute: AttributeDefinition, value: ComparisonValue): string {
  if (typeof value !== 'string') wrongType(label, attribute, value, 'a string');
  return value;
}

/** Booleans, plus Entra's "True"/"False" strings (docs/scim.md: Entra's True/False) in any case. */
export function expectBoolean(label: string, attribute: AttributeDefinition, value: ComparisonValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return wrongType(label, attribute, value, 'true or false');
}

export function expectNumber(label: string, attribute: AttributeDefinition, value: ComparisonValue): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) wrongType(label, attribute, value, 'a finite number');
  if (attribute.type === 'integer' && !Number.isInteger(value)) wrongType(label, attribute, value, 'an integer');
  return value;
}

/**
 * An xsd:dateTime (RFC 7643 §2.3.5), checked here so Postgres never sees an invalid timestamp. A value
 * without an offset is read as UTC, the zone every dateTime Provisio returns carries.
 */
export function expectDateTime(label: string, attribute: AttributeDefinition, value: ComparisonValue): string {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return wrongType(label, attribute, value, 'an xsd:dateTime such as "2026-01-31T12:00:00Z"');
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day); // Date.UTC would read years below 100 as 19xx
  const validDate = year >= 1 && calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (!validDate || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) {
    return wrongType(label, attribute, value, 'a valid date and time');
  }
  return match[8] === undefined ? `${value}Z` : (value as string);
}
