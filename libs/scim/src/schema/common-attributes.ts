import { attribute, complexAttribute } from './attribute-builders';
import { AttributeDefinition } from './attribute-definition';

const readOnly = { mutability: 'readOnly' } as const;

/**
 * RFC 7643 §3.1 common attributes. They belong to every resource rather than to a schema, and their
 * §3.1 characteristics take precedence over any schema listing them. "required" is false because
 * clients never send id or meta (the service provider issues them).
 */
export const ID_ATTRIBUTE: AttributeDefinition = attribute('id', 'string', 'Unique identifier for the resource, issued by the service provider.', {
  caseExact: true,
  mutability: 'readOnly',
  returned: 'always',
  uniqueness: 'server',
});

export const EXTERNAL_ID_ATTRIBUTE: AttributeDefinition = attribute('externalId', 'string', 'Identifier of the resource as defined by the provisioning client.', {
  caseExact: true,
});

export const META_ATTRIBUTE: AttributeDefinition = complexAttribute(
  'meta',
  'Resource metadata.',
  [
    attribute('resourceType', 'string', 'The name of the resource type of the resource.', { ...readOnly, caseExact: true }),
    attribute('created', 'dateTime', 'The DateTime that the resource was added to the service provider.', readOnly),
    attribute('lastModified', 'dateTime', 'The most recent DateTime that the details of this resource were updated.', readOnly),
    attribute('location', 'reference', 'The URI of the resource being returned.', { ...readOnly, caseExact: true, referenceTypes: ['uri'] }),
    attribute('version', 'string', 'The version (weak ETag) of the resource being returned.', { ...readOnly, caseExact: true }),
  ],
  readOnly,
);

export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [ID_ATTRIBUTE, EXTERNAL_ID_ATTRIBUTE, META_ATTRIBUTE];

/**
 * RFC 7643 §3: every resource's "schemas", an array of schema URIs. It is not an attribute of any
 * schema (so it is not among COMMON_ATTRIBUTES), but RFC 7644 §3.4.2.2 lets clients filter on it.
 */
export const SCHEMAS_ATTRIBUTE: AttributeDefinition = attribute('schemas', 'reference', 'The schema URIs the resource uses.', {
  multiValued: true,
  required: true,
  referenceTypes: ['uri'],
});
