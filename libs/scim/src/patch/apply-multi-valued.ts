import { coerceAttributeValue } from '../resource-model/coerce-value';
import { JsonObject } from '../resource-model/json-value';
import { assertValueCount } from '../resource-model/value-limits';
import { applyFiltered } from './apply-filtered';
import { ElementIndex } from './element-index';
import { coerceElements, isHollow, mergeElement, withSubAttribute } from './multi-valued-elements';
import { PatchOpName } from './patch-operations';
import { PatchTarget } from './patch-target';

/** add/replace/remove on a multi-valued attribute (emails, addresses, roles…), filtered or not. */
export function applyMultiValued(op: PatchOpName, target: PatchTarget, container: JsonObject, raw: unknown): void {
  const name = target.ref.attribute.name;
  const items = Array.isArray(container[name]) ? [...(container[name] as unknown[])] : [];
  const count = items.length;
  let next: unknown[];
  if (target.filter) next = applyFiltered(op, target, items, raw);
  else if (target.ref.subAttribute) next = applyToEveryElement(op, target, items, raw);
  else next = applyToWhole(op, target, items, raw);
  if (next.length > count) assertValueCount(target.ref.attribute, next.length, target.label);
  if (next.length > 0) container[name] = next;
  else delete container[name];
}

/**
 * RFC 7644 §3.5.2.1 add appends, merging values already there; §3.5.2.3 replace swaps the whole
 * set; §3.5.2.2 remove clears it. A remove that carries a value list removes only those values:
 * Entra removes group members that way (IDP-REQUIREMENTS 19, 72), so any attribute accepts it.
 * Values are matched through an ElementIndex: n values against m cost n + m, not n·m.
 */
function applyToWhole(op: PatchOpName, target: PatchTarget, items: unknown[], raw: unknown): unknown[] {
  const { attribute } = target.ref;
  if (op === 'replace') return coerceElements(attribute, raw, target.label);
  if (op === 'remove') {
    if (raw === undefined || raw === null) return [];
    const listed = new ElementIndex(attribute, coerceElements(attribute, raw, target.label));
    return items.filter((item) => listed.find(item) < 0);
  }
  const added = coerceElements(attribute, raw, target.label);
  // "add" with null or [] clears like replace (Entra null updates, IDP-REQUIREMENTS 17).
  if (added.length === 0) return [];
  const index = new ElementIndex(attribute, items);
  for (const value of added) {
    const found = index.find(value);
    if (found >= 0) index.replace(found, mergeElement(items[found], value));
    else index.push(value);
  }
  return items;
}

/**
 * A sub-attribute path without filter (`emails.type`) addresses that sub-attribute of every value.
 * With no value yet, add and replace create one (§3.5.2.3: replace of a missing target is an add).
 */
function applyToEveryElement(op: PatchOpName, target: PatchTarget, items: unknown[], raw: unknown): unknown[] {
  const sub = target.ref.subAttribute!;
  const value = op === 'remove' ? undefined : coerceAttributeValue(sub, raw, target.label);
  if (items.length === 0) return [{ [sub.name]: value }].filter((item) => value !== undefined && !isHollow(item));
  return items.map((item) => withSubAttribute(item, sub.name, value)).filter((item) => !isHollow(item));
}
