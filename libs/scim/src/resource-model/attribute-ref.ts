import { AttributeDefinition, findAttribute as findAmong, getResourceSchema, resolveAttributePath, ResourceTypeName, SchemaDefinition } from '../schema';

/** Where an attribute name points: the schema holding it, the attribute, maybe a sub-attribute. */
export interface AttributeRef {
  /** URN of the schema defining the top-level attribute (the core URN for id, externalId, meta). */
  schemaUrn: string;
  /** True when the attribute is stored under its extension URN key (RFC 7643 §3.3), not at the top level. */
  inExtension: boolean;
  attribute: AttributeDefinition;
  subAttribute?: AttributeDefinition;
}

/** RFC 7643 §2.1: attribute names are case-insensitive. */
export function findAttribute(defs: readonly AttributeDefinition[] | undefined, name: string): AttributeDefinition | undefined {
  return defs && findAmong(defs, name);
}

/** The extension of this resource type whose URN equals `key` (RFC 7644 §3.10: case-insensitive). */
export function findExtension(resourceType: ResourceTypeName, key: string): SchemaDefinition | undefined {
  const wanted = key.toLowerCase();
  return getResourceSchema(resourceType).extensions.find((schema) => schema.id.toLowerCase() === wanted);
}

/**
 * `attr`, `attr.sub` and their URN-qualified forms (`urn:…:User:userName`,
 * `urn:…:enterprise:2.0:User:manager.value`) resolved by the schema registry; undefined when the
 * resource type does not define the name.
 */
export function resolveAttributeName(resourceType: ResourceTypeName, name: string): AttributeRef | undefined {
  const resolved = resolveAttributePath(resourceType, name);
  if (!resolved) return undefined;
  const ref: AttributeRef = { schemaUrn: resolved.schemaUrn, inExtension: resolved.extension, attribute: resolved.parent ?? resolved.attribute };
  if (resolved.parent) ref.subAttribute = resolved.attribute;
  return ref;
}

/** The canonical label of an attribute for messages: `name.givenName`, `urn:…:User:manager`. */
export function attributeLabel(ref: AttributeRef): string {
  const base = ref.inExtension ? `${ref.schemaUrn}:${ref.attribute.name}` : ref.attribute.name;
  return ref.subAttribute ? `${base}.${ref.subAttribute.name}` : base;
}
