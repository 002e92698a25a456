import { AttributeDefinition } from '../schema';
import { isJsonObject, JsonObject } from './json-value';
import { findAttribute } from './attribute-ref';
import { invalidSyntax, invalidValue } from './scim-validation-error';
import { coerceSimpleValue } from './coerce-simple-value';
import { withoutRepeats } from './repeated-values';
import { assertValueCount } from './value-limits';

/**
 * The canonical form of one attribute's value, or undefined when the value leaves it unassigned:
 * null, "" and [] all mean "no value" (RFC 7643 §2.5; Entra clears attributes with "" and null).
 * Names come out canonical, values as sent (Entra: "store values as sent, no transformation").
 */
export function coerceAttributeValue(attribute: AttributeDefinition, raw: unknown, label: string): unknown {
  if (attribute.multiValued) return coerceMultiValued(attribute, raw, label);
  if (Array.isArray(raw)) {
    // Entra's older manager form sends a one-element array for a single-valued attribute.
    if (raw.length > 1) throw invalidValue(`${label} is single-valued but an array of ${raw.length} values was given`);
    return coerceSingleValue(attribute, raw[0], label);
  }
  return coerceSingleValue(attribute, raw, label);
}

/** One element of a multi-valued attribute, or the value of a single-valued one. */
export function coerceSingleValue(attribute: AttributeDefinition, raw: unknown, label: string): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (attribute.type === 'complex') return coerceComplexValue(attribute, raw, label);
  return coerceSimpleValue(attribute, raw, label);
}

function coerceMultiValued(attribute: AttributeDefinition, raw: unknown, label: string): unknown[] | undefined {
  if (raw === null || raw === undefined) return undefined;
  // A single value where an array is expected is read as a one-element array.
  const items = Array.isArray(raw) ? raw : [raw];
  assertValueCount(attribute, items.length, label);
  const values = withoutRepeats(items.map((item) => coerceSingleValue(attribute, item, label)).filter((v) => v !== undefined));
  if (values.length === 0) return undefined;
  assertSinglePrimary(values, label);
  return values;
}

/** RFC 7643 §2.4: the primary attribute value "true" MUST appear no more than once. */
export function assertSinglePrimary(values: readonly unknown[], label: string): void {
  const primaries = values.filter((v) => isJsonObject(v) && v.primary === true).length;
  if (primaries > 1) throw invalidValue(`${label} has ${primaries} values marked primary; at most one is allowed`);
}

/**
 * A complex value with canonical sub-attribute names. Unknown sub-attributes are ignored like unknown
 * attributes; readOnly ones (manager.displayName) are ignored as RFC 7644 §3.5.1 says for PUT.
 * A bare string for a single-valued complex attribute with a `value` sub-attribute is that value:
 * the Entra gallery validation sets the enterprise manager to a plain id string (MS-LA
 * SCIM_Update_Manager_Test). Multi-valued complex attributes get no such leniency: no identity
 * provider sends `"emails": "a@example.com"`, and RFC 7643 §2.4 makes each value an object.
 */
export function coerceComplexValue(attribute: AttributeDefinition, raw: unknown, label: string): JsonObject | undefined {
  const valueSub = findAttribute(attribute.subAttributes, 'value');
  const lenient = !attribute.multiValued && valueSub !== undefined && typeof raw !== 'object';
  const source = lenient ? { value: raw } : raw;
  if (!isJsonObject(source)) {
    const what = attribute.multiValued ? 'an array of complex values (JSON objects)' : 'a complex value (JSON object)';
    throw invalidValue(`${label} must be ${what}; got ${Array.isArray(source) ? 'a nested array' : `a ${source === null ? 'null' : typeof source}`}`);
  }
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    const sub = findAttribute(attribute.subAttributes, key);
    if (!sub || sub.mutability === 'readOnly') continue;
    if (sub.name in result) throw invalidSyntax(`${label}.${sub.name} is given twice (names are case-insensitive)`);
    const coerced = coerceAttributeValue(sub, value, `${label}.${sub.name}`);
    if (coerced !== undefined) result[sub.name] = coerced;
  }
  if (Object.keys(result).length === 0) return undefined;
  const missing = attribute.subAttributes?.find((sub) => sub.required && !(sub.name in result));
  if (missing) throw invalidValue(`${label}.${missing.name} is required`);
  return result;
}
