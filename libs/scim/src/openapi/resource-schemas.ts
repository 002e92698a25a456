import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  AttributeDefinition,
  COMMON_ATTRIBUTES,
  getResourceSchema,
  ResourceTypeName,
  SCHEMAS_ATTRIBUTE,
  SchemaDefinition,
} from '../schema';

/**
 * OpenAPI component schemas for User and Group, generated from the same schema constants the
 * validator, PATCH engine, filter compiler and /Schemas read, so the sandbox cannot drift from what
 * the server accepts. RFC 7643 §2.3 types map to JSON Schema types; mutability maps to readOnly /
 * writeOnly; canonical values are described rather than enumerated (§2.3.1: clients MAY send others).
 */
export function resourceComponentSchema(resourceType: ResourceTypeName): SchemaObject {
  const { core, extensions, resourceType: type } = getResourceSchema(resourceType);
  const properties: Record<string, SchemaObject> = {};
  for (const attribute of [SCHEMAS_ATTRIBUTE, ...COMMON_ATTRIBUTES, ...core.attributes]) {
    properties[attribute.name] = attributeSchema(attribute);
  }
  for (const extension of extensions) properties[extension.id] = extensionSchema(extension);
  return {
    type: 'object',
    description:
      `${type.description} (RFC 7643 §${resourceType === 'User' ? '4.1' : '4.2'}), generated from the schema the server validates with; ` +
      'GET /Schemas serves the same definitions. Attribute names are case-insensitive.',
    required: ['schemas', ...core.attributes.filter((attribute) => attribute.required).map((attribute) => attribute.name)],
    properties,
  };
}

/** An extension schema is a property named by its URN (RFC 7643 §3.3). */
function extensionSchema(schema: SchemaDefinition): SchemaObject {
  return {
    type: 'object',
    description: `${schema.description} extension (${schema.id}); list the URN in "schemas" when sending it.`,
    properties: Object.fromEntries(schema.attributes.map((attribute) => [attribute.name, attributeSchema(attribute)])),
  };
}

function attributeSchema(attribute: AttributeDefinition): SchemaObject {
  const single = valueSchema(attribute);
  const schema: SchemaObject = attribute.multiValued ? { type: 'array', items: single } : single;
  schema.description = describe(attribute);
  if (attribute.mutability === 'readOnly') schema.readOnly = true;
  if (attribute.mutability === 'writeOnly' || attribute.returned === 'never') schema.writeOnly = true;
  return schema;
}

function valueSchema(attribute: AttributeDefinition): SchemaObject {
  switch (attribute.type) {
    case 'complex': {
      const subAttributes = attribute.subAttributes ?? [];
      return { type: 'object', properties: Object.fromEntries(subAttributes.map((sub) => [sub.name, attributeSchema(sub)])) };
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'decimal':
      return { type: 'number' };
    case 'dateTime':
      return { type: 'string', format: 'date-time' };
    case 'binary':
      return { type: 'string', format: 'byte' };
    case 'reference':
    case 'string':
      return { type: 'string' };
  }
}

function describe(attribute: AttributeDefinition): string {
  const notes: string[] = [];
  if (attribute.required) notes.push('required');
  if (attribute.mutability === 'immutable') notes.push('immutable once set');
  if (attribute.uniqueness !== 'none') notes.push(`unique (${attribute.uniqueness})`);
  if (attribute.caseExact) notes.push('case-exact');
  if (attribute.canonicalValues) notes.push(`canonical values: ${attribute.canonicalValues.join(', ')}`);
  if (attribute.referenceTypes) notes.push(`reference to ${attribute.referenceTypes.join(' or ')}`);
  return notes.length ? `${attribute.description} (${notes.join('; ')})` : attribute.description;
}
