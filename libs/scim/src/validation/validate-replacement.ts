import { AttributeDefinition, COMMON_ATTRIBUTES, getResourceSchema, ResourceTypeName } from '../schema';
import { keepActive } from '../resource-model/keep-active';
import { keepImmutables } from '../resource-model/immutable-attributes';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { resourceSchemas } from './check-schemas';
import { dropEmptyExtensions } from './required-attributes';
import { ValidatedResource, validateResource } from './validate-resource';

/**
 * PUT (RFC 7644 §3.5.1): the body replaces every readWrite attribute; omitted ones are cleared.
 * readOnly attributes in the body are ignored, so Okta may PUT back the object it read, with `id`,
 * `meta` and `groups: []` (OKTA-REF "Update a specific User (PUT)"). An immutable attribute that
 * already has a value must come back unchanged (400 mutability) or may be omitted (kept).
 *
 * Group members: a PUT with `members` (also [] or null) replaces the membership; a PUT without
 * `members` leaves it as it is. RFC 7644 §3.5.1 lets the provider choose for omitted attributes,
 * and clients that read groups with excludedAttributes=members (Entra) would otherwise empty them.
 */
export function validateReplacement(resourceType: ResourceTypeName, body: unknown, existing: JsonObject): ValidatedResource {
  const model = getResourceSchema(resourceType);
  const validated = validateResource(resourceType, body);
  // Common attributes (RFC 7643 §3.1) follow the same mutability rules as schema attributes.
  const scopes: Array<[JsonObject, JsonObject, readonly AttributeDefinition[]]> = [
    [validated.resource, existing, [...COMMON_ATTRIBUTES, ...model.core.attributes]],
  ];
  for (const ext of model.extensions) {
    const before = existing[ext.id];
    if (!isJsonObject(before)) continue;
    const after = isJsonObject(validated.resource[ext.id]) ? (validated.resource[ext.id] as JsonObject) : {};
    scopes.push([after, before, ext.attributes]);
    if (!(ext.id in validated.resource)) validated.resource[ext.id] = after;
  }
  for (const [after, before, attributes] of scopes) keepImmutables(after, before, attributes);
  keepActive(resourceType, validated.resource, existing);
  dropEmptyExtensions(resourceType, validated.resource);
  validated.resource.schemas = resourceSchemas(resourceType, validated.resource);
  return validated;
}
