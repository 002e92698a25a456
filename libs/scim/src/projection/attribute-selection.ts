import { ResourceTypeName } from '../schema';
import { findExtension, resolveAttributeName } from '../resource-model/attribute-ref';

/** Attributes named in an `attributes` or `excludedAttributes` parameter, by canonical name. */
export interface AttributeSelection {
  /** Extension URNs named on their own: the whole extension object. */
  extensions: Set<string>;
  /** `scope/attribute` keys named whole; scope is "" for core and common attributes, else the extension URN. */
  whole: Set<string>;
  /** `scope/attribute` → sub-attribute names named (`name.givenName`, `emails.value`). */
  subs: Map<string, Set<string>>;
}

/** An `attributes` list (include) and an `excludedAttributes` list (exclude), either may be absent. */
export interface SelectionRules {
  include?: AttributeSelection;
  exclude?: AttributeSelection;
}

export function selectionKey(scope: string, attribute: string): string {
  return `${scope}/${attribute}`;
}

/**
 * Parses a comma-separated attribute list (RFC 7644 §3.4.2.5, §3.9): names are case-insensitive and
 * may be URN-qualified or name a sub-attribute. Names the schema does not define select nothing;
 * rejecting them would break clients that ask for attributes of another provider's schema.
 */
export function parseAttributeSelection(resourceType: ResourceTypeName, list: string | undefined): AttributeSelection | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  const selection: AttributeSelection = { extensions: new Set(), whole: new Set(), subs: new Map() };
  for (const name of list.split(',').map((part) => part.trim()).filter(Boolean)) {
    const extension = findExtension(resourceType, name);
    if (extension) {
      selection.extensions.add(extension.id);
      continue;
    }
    const ref = resolveAttributeName(resourceType, name);
    if (!ref) continue;
    const key = selectionKey(ref.inExtension ? ref.schemaUrn : '', ref.attribute.name);
    if (!ref.subAttribute) selection.whole.add(key);
    else selection.subs.set(key, new Set([...(selection.subs.get(key) ?? []), ref.subAttribute.name]));
  }
  return selection;
}
