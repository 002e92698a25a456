import { AttributeDefinition } from '../schema';
import { findAttribute } from '../resource-model/attribute-ref';
import { coerceAttributeValue, coerceSingleValue } from '../resource-model/coerce-value';
import { isJsonObject, jsonEqual, JsonObject } from '../resource-model/json-value';

/** The values a PATCH value holds for a multi-valued attribute; [] for null, "" and []. */
export function coerceElements(attribute: AttributeDefinition, raw: unknown, label: string): unknown[] {
  return (coerceAttributeValue(attribute, raw, label) as unknown[] | undefined) ?? [];
}

/** One element for a filtered target (`emails[type eq "work"]`); a one-element array is unwrapped. */
export function coerceElement(attribute: AttributeDefinition, raw: unknown, label: string): unknown {
  const single = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  return coerceSingleValue(attribute, single, label);
}

/**
 * Whether two elements are "the same value" for add-merging and value-list removal
 * (RFC 7644 §3.5.2.1: re-adding an existing value SHOULD be a no-op). Elements with a `value`
 * match on it (case-insensitively unless caseExact) and on `type` when both give one (Okta: a
 * value/type pair must not repeat); others only when equal as JSON.
 */
export function sameElement(attribute: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (!isJsonObject(a) || !isJsonObject(b)) return sameSimple(attribute, a, b);
  const valueSub = findAttribute(attribute.subAttributes, 'value');
  if (!valueSub || a.value === undefined || b.value === undefined) return jsonEqual(a, b);
  const typesAgree = typeof a.type !== 'string' || typeof b.type !== 'string' || a.type.toLowerCase() === b.type.toLowerCase();
  return typesAgree && sameSimple(valueSub, a.value, b.value);
}

function sameSimple(attribute: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !attribute.caseExact) return a.toLowerCase() === b.toLowerCase();
  return jsonEqual(a, b);
}

/** Merges `value` into `element` (sub-attributes given win), or returns `value` for simple elements. */
export function mergeElement(element: unknown, value: unknown): unknown {
  return isJsonObject(element) && isJsonObject(value) ? { ...element, ...value } : value;
}

/**
 * An element left with nothing but `type`/`primary` after a sub-attribute was cleared (Entra's
 * null update of `emails[type eq "work"].value`) describes no value any more and is dropped.
 */
export function isHollow(element: unknown): boolean {
  if (!isJsonObject(element)) return element === undefined;
  return Object.keys(element).every((key) => key === 'type' || key === 'primary');
}

export function withSubAttribute(element: unknown, name: string, value: unknown): JsonObject {
  const copy: JsonObject = isJsonObject(element) ? { ...element } : {};
  if (value === undefined) delete copy[name];
  else copy[name] = value;
  return copy;
}
