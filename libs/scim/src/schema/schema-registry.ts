import { AttributeDefinition, SchemaDefinition } from './attribute-definition';
import { RESOURCE_TYPES, ResourceTypeDefinition, ResourceTypeName, SCHEMAS } from './resource-types';

/** Core schema plus extensions of one resource type: everything a User or Group body may carry. */
export interface ResourceSchema {
  resourceType: ResourceTypeDefinition;
  core: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export function listResourceTypes(): readonly ResourceTypeDefinition[] {
  return RESOURCE_TYPES;
}

export function listSchemas(): readonly SchemaDefinition[] {
  return SCHEMAS;
}

/** Resource type by name or id, case-insensitively (RFC 7643 §2.1). */
export function findResourceType(name: string): ResourceTypeDefinition | undefined {
  const wanted = name.toLowerCase();
  return RESOURCE_TYPES.find((type) => type.id.toLowerCase() === wanted);
}

/** Schema by URN, case-insensitively (RFC 7644 §3.10: URNs are case-insensitive). */
export function findSchema(urn: string): SchemaDefinition | undefined {
  const wanted = urn.toLowerCase();
  return SCHEMAS.find((schema) => schema.id.toLowerCase() === wanted);
}

export function getResourceSchema(resourceType: ResourceTypeName): ResourceSchema {
  const type = findResourceType(resourceType);
  if (!type) throw new Error(`Unknown resource type ${resourceType}`);
  return { resourceType: type, core: type.schema, extensions: type.schemaExtensions.map((extension) => extension.schema) };
}

/** Every schema a resource of this type may use: the core schema first, then its extensions. */
export function schemasOf(resourceType: ResourceTypeName): SchemaDefinition[] {
  const { core, extensions } = getResourceSchema(resourceType);
  return [core, ...extensions];
}

/** Case-insensitive lookup of one attribute among siblings (RFC 7643 §2.1). */
export function findAttribute(attributes: readonly AttributeDefinition[], name: string): AttributeDefinition | undefined {
  const wanted = name.toLowerCase();
  return attributes.find((attribute) => attribute.name.toLowerCase() === wanted);
}

export function findSubAttribute(parent: AttributeDefinition, name: string): AttributeDefinition | undefined {
  return findAttribute(parent.subAttributes ?? [], name);
}
