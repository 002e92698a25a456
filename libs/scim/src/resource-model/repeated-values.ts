import { getResourceSchema, ResourceTypeName } from '../schema';
import { isJsonObject, JsonObject } from './json-value';

/**
 * RFC 7643 §2.4 and Okta: a value (with its type) appears once in a multi-valued attribute, so an
 * exact repeat is dropped. Linear in the number of values: a PUT of a group may list tens of
 * thousands of members.
 */
export function withoutRepeats(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    // Complex values hold simple sub-attributes only, so sorting their keys gives one key per value.
    const key = isJsonObject(value) ? JSON.stringify(Object.keys(value).sort().map((name) => [name, value[name]])) : JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Drops repeats a PATCH produced (an added value equal to one already there), core and extensions. */
export function dropRepeatedValues(resourceType: ResourceTypeName, resource: JsonObject): void {
  const { core, extensions } = getResourceSchema(resourceType);
  const scopes: Array<[JsonObject, typeof core]> = [[resource, core]];
  for (const ext of extensions) if (isJsonObject(resource[ext.id])) scopes.push([resource[ext.id] as JsonObject, ext]);
  for (const [container, schema] of scopes) {
    for (const attribute of schema.attributes) {
      const values = container[attribute.name];
      if (attribute.multiValued && Array.isArray(values)) container[attribute.name] = withoutRepeats(values);
    }
  }
}
