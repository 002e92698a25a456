import { getResourceSchema, ResourceTypeName, SchemaDefinition } from '../schema';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { ScimValidationError } from '../resource-model/scim-validation-error';

/**
 * RFC 7643 §2.2 `required`: userName (§4.1.1, "non-empty") and Group displayName (§4.2) must
 * hold a value, as /Schemas publishes. A blank string counts as missing. Extension attributes are required only when the resource
 * uses the extension; readOnly ones are the server's to fill. POST and PUT report a missing value
 * as invalidValue; a PATCH that unassigns one is mutability (RFC 7644 §3.5.2.2).
 */
export function assertRequiredAttributes(
  resourceType: ResourceTypeName,
  resource: JsonObject,
  scimType: 'invalidValue' | 'mutability' = 'invalidValue',
): void {
  const { core, extensions } = getResourceSchema(resourceType);
  const scopes: Array<[JsonObject, SchemaDefinition]> = [[resource, core]];
  for (const ext of extensions) {
    const container = resource[ext.id];
    if (isJsonObject(container)) scopes.push([container, ext]);
  }
  for (const [container, schema] of scopes) {
    for (const attribute of schema.attributes) {
      if (!attribute.required || attribute.mutability === 'readOnly') continue;
      const value = container[attribute.name];
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
        throw new ScimValidationError(scimType, `${attribute.name} is required and must not be empty`);
      }
    }
  }
}

/** Extension objects left without attributes are dropped, so `schemas` lists only extensions in use. */
export function dropEmptyExtensions(resourceType: ResourceTypeName, resource: JsonObject): void {
  for (const ext of getResourceSchema(resourceType).extensions) {
    const value = resource[ext.id];
    if (value !== undefined && (!isJsonObject(value) || Object.keys(value).length === 0)) delete resource[ext.id];
  }
}
