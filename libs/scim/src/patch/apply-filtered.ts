import { JsonObject } from '../resource-model/json-value';
import { coerceAttributeValue } from '../resource-model/coerce-value';
import { noTarget } from '../resource-model/scim-validation-error';
import { coerceElement, isHollow, mergeElement, withSubAttribute } from './multi-valued-elements';
import { PatchOpName } from './patch-operations';
import { PatchTarget } from './patch-target';

/**
 * Operations on `attr[filter]` and `attr[filter].sub` (RFC 7644 §3.5.2). Matching values are
 * changed in place. Without a match: remove and clearing (null, "") are no-ops, so Entra's
 * "" then null update sequence succeeds; replace is 400 noTarget (§3.5.2.3); add
 * creates the value the filter describes, e.g. `addresses[type eq "work"].locality` on a user without
 * addresses adds `{type: "work", locality: …}` — unspecified by the RFC, relied on by Entra
 * (docs/scim.md, "Decisions where the RFCs leave a choice").
 */
export function applyFiltered(op: PatchOpName, target: PatchTarget, items: unknown[], raw: unknown): unknown[] {
  const { attribute, subAttribute } = target.ref;
  const filter = target.filter!;
  const matched = items.map((item) => filter.test(item));
  const value =
    op === 'remove'
      ? undefined
      : subAttribute
        ? coerceAttributeValue(subAttribute, raw, target.label)
        : coerceElement(attribute, raw, target.label);
  if (!matched.includes(true)) {
    if (value === undefined) return items;
    if (op === 'replace') throw noTarget(`${target.label} matches no value`);
    const created = createdElement(target, value);
    return isHollow(created) ? items : [...items, created];
  }
  const next = items.map((item, i) => {
    if (!matched[i]) return item;
    if (subAttribute) return withSubAttribute(item, subAttribute.name, value);
    return value === undefined ? undefined : mergeElement(item, value);
  });
  return next.filter((item) => !isHollow(item));
}

function createdElement(target: PatchTarget, value: unknown): unknown {
  const equalities = target.filter!.equalities;
  if (!equalities || equalities.length !== 1) {
    throw noTarget(`${target.label} matches no value, and its filter does not describe one to add (use "eq" joined by "and")`);
  }
  const sub = target.ref.subAttribute;
  const element: JsonObject = { ...equalities[0] };
  return sub ? { ...element, [sub.name]: value } : mergeElement(element, value);
}
