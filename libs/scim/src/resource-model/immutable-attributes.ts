import { AttributeDefinition } from '../schema';
import { isJsonObject, jsonEqual, JsonObject } from './json-value';
import { mutability } from './scim-validation-error';

// RFC 7643 §2.2 immutable: set at creation or by the first PUT/PATCH that gives a value, never
// changed afterwards (RFC 7644 §3.5.1, §3.5.2: a change is 400 mutability). Sub-attributes of a
// multi-valued attribute (Group members.value) are immutable per element: an element is added or
// removed whole, never edited, so only singular attributes and their sub-attributes are compared.

/** PUT: an immutable value already set must come back equal, or may be omitted and is then kept. */
export function keepImmutables(after: JsonObject, before: JsonObject, attributes: readonly AttributeDefinition[]): void {
  for (const attribute of attributes) {
    if (attribute.mutability === 'immutable') {
      keepImmutable(after, before, attribute.name, attribute.name);
      continue;
    }
    const immutableSubs = immutableSubAttributes(attribute);
    if (immutableSubs.length === 0 || !isJsonObject(before[attribute.name])) continue;
    const beforeValue = before[attribute.name] as JsonObject;
    const afterValue = isJsonObject(after[attribute.name]) ? (after[attribute.name] as JsonObject) : {};
    for (const sub of immutableSubs) keepImmutable(afterValue, beforeValue, sub.name, `${attribute.name}.${sub.name}`);
    if (Object.keys(afterValue).length > 0) after[attribute.name] = afterValue;
  }
}

/** PATCH: whether an operation on `attribute` needs the value before it to check immutability. */
export function guardsImmutables(attribute: AttributeDefinition): boolean {
  return attribute.mutability === 'immutable' || immutableSubAttributes(attribute).length > 0;
}

/** PATCH: a value already set may not change (also not be removed); a first value may be added. */
export function assertImmutableKept(attribute: AttributeDefinition, before: unknown, after: unknown, label: string): void {
  if (attribute.mutability === 'immutable') {
    if (before !== undefined && !jsonEqual(before, after)) throw mutability(`${label} is immutable and cannot be changed`);
    return;
  }
  if (!isJsonObject(before)) return;
  for (const sub of immutableSubAttributes(attribute)) {
    if (before[sub.name] === undefined) continue;
    const afterSub = isJsonObject(after) ? after[sub.name] : undefined;
    if (!jsonEqual(before[sub.name], afterSub)) throw mutability(`${attribute.name}.${sub.name} is immutable and cannot be changed`);
  }
}

function immutableSubAttributes(attribute: AttributeDefinition): AttributeDefinition[] {
  if (attribute.multiValued || attribute.type !== 'complex') return [];
  return (attribute.subAttributes ?? []).filter((sub) => sub.mutability === 'immutable');
}

function keepImmutable(after: JsonObject, before: JsonObject, name: string, label: string): void {
  if (before[name] === undefined) return;
  if (after[name] === undefined) after[name] = before[name];
  else if (!jsonEqual(after[name], before[name])) throw mutability(`${label} is immutable and cannot be changed`);
}
