import { hasValueLimit, MAX_VALUES_PER_ATTRIBUTE } from '../resource-model/value-limits';
import { AttributeDefinition, EXTERNAL_ID_ATTRIBUTE, listResourceTypes, listSchemas, SchemaDefinition } from '../schema';

export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

/**
 * RFC 7643 §7 attribute definitions from the schema constants, the single source the validator,
 * filter compiler and projection read too. Optional members are omitted rather than null (Entra
 * fails on null values in /Schemas, MS-TUT).
 */
function renderAttribute(attribute: AttributeDefinition): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    // The value cap is published where model-driven clients read an attribute's rules.
    description: hasValueLimit(attribute) ? `${attribute.description} At most ${MAX_VALUES_PER_ATTRIBUTE} values.` : attribute.description,
    required: attribute.required,
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
  };
  if (attribute.canonicalValues) body.canonicalValues = attribute.canonicalValues;
  if (attribute.referenceTypes) body.referenceTypes = attribute.referenceTypes;
  if (attribute.subAttributes) body.subAttributes = attribute.subAttributes.map(renderAttribute);
  return body;
}

/**
 * Schema bodies without meta.location (that depends on the request's base URL). The core schemas of
 * Users and Groups also list the common attribute externalId, as RFC 7643 §3.1 allows ("some
 * existing schema definitions MAY list common attributes"): Entra's gallery validation flattens
 * /Schemas and fails when a mapped target attribute is missing, and its default mappings write
 * externalId (mailNickname, objectId). id and meta stay out: clients never write them.
 */
export function renderSchema(schema: SchemaDefinition): Record<string, unknown> {
  const isCore = listResourceTypes().some((type) => type.schema.id === schema.id);
  const attributes = isCore ? [EXTERNAL_ID_ATTRIBUTE, ...schema.attributes] : schema.attributes;
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: attributes.map(renderAttribute),
  };
}

export function renderResourceTypes(): Array<Record<string, unknown>> {
  return listResourceTypes().map((type) => ({
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: type.id,
    name: type.name,
    description: type.description,
    endpoint: type.endpoint,
    schema: type.schema.id,
    schemaExtensions: type.schemaExtensions.map((extension) => ({ schema: extension.schema.id, required: extension.required })),
  }));
}

export function renderSchemas(): Array<Record<string, unknown>> {
  return listSchemas().map(renderSchema);
}
