import { AttributeDefinition } from '../schema';
import { findAttribute } from '../resource-model/attribute-ref';
import { coerceAttributeValue } from '../resource-model/coerce-value';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { invalidValue, noTarget } from '../resource-model/scim-validation-error';
import { PatchOpName } from './patch-operations';
import { PatchTarget } from './patch-target';

/**
 * add/replace/remove on a single-valued attribute or one of its sub-attributes. add and replace
 * are the same here (RFC 7644 §3.5.2.1: add on a single-valued attribute replaces it); a value of
 * null or "" clears the target (Entra's null updates, docs/entra.md).
 */
export function applySingleValued(op: PatchOpName, target: PatchTarget, container: JsonObject, raw: unknown): void {
  const { attribute, subAttribute } = target.ref;
  if (target.filter && !selectedByFilter(op, target, container, raw)) return;
  if (subAttribute) {
    const parent = isJsonObject(container[attribute.name]) ? (container[attribute.name] as JsonObject) : {};
    const value = op === 'remove' ? undefined : coerceAttributeValue(subAttribute, raw, target.label);
    setOrDelete(parent, subAttribute.name, value);
    setOrDelete(container, attribute.name, Object.keys(parent).length > 0 ? parent : undefined);
  } else if (op === 'remove') {
    delete container[attribute.name];
  } else if (attribute.type === 'complex') {
    mergeComplex(container, attribute, raw, target.label);
  } else {
    setOrDelete(container, attribute.name, coerceAttributeValue(attribute, raw, target.label));
  }
}

/**
 * Entra's older manager removal `{"op":"remove","path":"manager[value eq \"id\"]"}` (docs/entra.md,
 * manager) filters a single-valued complex attribute: the operation applies when the current value
 * matches. Without a match, remove and clearing do nothing, replace is noTarget (§3.5.2.3) and add
 * sets the value.
 */
function selectedByFilter(op: PatchOpName, target: PatchTarget, container: JsonObject, raw: unknown): boolean {
  const current = container[target.ref.attribute.name];
  if (current !== undefined && target.filter!.test(current)) return true;
  const clearing = op === 'remove' || raw === null || raw === undefined || raw === '';
  if (op === 'replace' && !clearing) throw noTarget(`${target.label} matches no value`);
  return op === 'add' && !clearing;
}

/**
 * RFC 7644 §3.5.2.3: replacing a complex attribute sets the sub-attributes given and leaves the
 * others unchanged; a sub-attribute given as null is cleared. The manager arrives as a plain id
 * string, as `{value}`, or (Entra's older mapping) as a one-element array, and is removed with ""
 * (MS-LA SCIM_Update_Manager_Test). When `value` changes, a `$ref` not given again pointed at the
 * old target and is dropped.
 */
function mergeComplex(container: JsonObject, attribute: AttributeDefinition, raw: unknown, label: string): void {
  let source = raw;
  if (Array.isArray(source)) {
    if (source.length > 1) throw invalidValue(`${label} is single-valued but an array of ${source.length} values was given`);
    source = source[0];
  }
  if (source === null || source === undefined || source === '') {
    delete container[attribute.name];
    return;
  }
  if (!isJsonObject(source)) {
    if (!findAttribute(attribute.subAttributes, 'value') || typeof source === 'object') throw invalidValue(`${label} must be a complex value`);
    source = { value: source };
  }
  const parent: JsonObject = isJsonObject(container[attribute.name]) ? { ...(container[attribute.name] as JsonObject) } : {};
  const previousValue = parent.value;
  for (const [key, value] of Object.entries(source as JsonObject)) {
    const sub = findAttribute(attribute.subAttributes, key);
    if (!sub || sub.mutability === 'readOnly') continue;
    setOrDelete(parent, sub.name, coerceAttributeValue(sub, value, `${label}.${sub.name}`));
  }
  if (parent.value !== previousValue && !Object.keys(source as JsonObject).some((k) => k.toLowerCase() === '$ref')) delete parent.$ref;
  setOrDelete(container, attribute.name, Object.keys(parent).length > 0 ? parent : undefined);
}

export function setOrDelete(object: JsonObject, key: string, value: unknown): void {
  if (value === undefined) delete object[key];
  else object[key] = value;
}
