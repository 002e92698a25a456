import { ResourceTypeName } from '../schema';
import { attributeContainer, attributeEntries, AttributeEntry } from '../resource-model/attribute-entries';
import { attributeLabel } from '../resource-model/attribute-ref';
import { coerceAttributeValue } from '../resource-model/coerce-value';
import { coerceGroupMembers, GroupMember, isMembershipAttribute } from '../resource-model/group-members';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { invalidSyntax, invalidValue } from '../resource-model/scim-validation-error';
import { checkSchemas, resourceSchemas } from './check-schemas';
import { assertIndexedLengths } from './indexed-lengths';
import { assertRequiredAttributes, dropEmptyExtensions } from './required-attributes';

export interface ValidatedResource {
  /** Canonical stored form: canonical names, extensions under their URN, no readOnly attributes, no password, no members. */
  resource: JsonObject;
  /** RFC 7643 §4.1.1 writeOnly password, handed out for hashing; never part of `resource`. */
  password?: string;
  /** Groups: the members the body asserts ([] for null or []); undefined when the body has no `members`. */
  members?: GroupMember[];
}

/**
 * Checks and canonicalises a POST body (RFC 7644 §3.3). readOnly attributes (id, meta, groups,
 * manager.displayName) are ignored, unknown ones skipped (see attributeEntries).
 */
export function validateResource(resourceType: ResourceTypeName, body: unknown): ValidatedResource {
  if (!isJsonObject(body)) throw invalidSyntax('The request body must be a JSON object');
  checkSchemas(resourceType, body);
  const result: ValidatedResource = { resource: {} };
  const seen = new Set<string>();
  for (const entry of attributeEntries(resourceType, body)) {
    const label = attributeLabel(entry.ref);
    if (seen.has(label)) throw invalidSyntax(`${label} is given twice (names are case-insensitive)`);
    seen.add(label);
    assign(result, entry);
  }
  dropEmptyExtensions(resourceType, result.resource);
  assertRequiredAttributes(resourceType, result.resource);
  assertIndexedLengths(resourceType, result.resource);
  result.resource = { schemas: resourceSchemas(resourceType, result.resource), ...result.resource };
  return result;
}

function assign(result: ValidatedResource, { ref, raw }: AttributeEntry): void {
  const { attribute, subAttribute } = ref;
  if (attribute.mutability === 'readOnly' || subAttribute?.mutability === 'readOnly') return;
  if (isMembershipAttribute(ref) && !subAttribute) {
    result.members = coerceGroupMembers(attribute, raw);
    return;
  }
  if (attribute.mutability === 'writeOnly') {
    const password = coerceAttributeValue(attribute, raw, attribute.name);
    if (password !== undefined) result.password = password as string;
    return;
  }
  const container = attributeContainer(result.resource, ref, true) as JsonObject;
  if (!subAttribute) {
    const value = coerceAttributeValue(attribute, raw, attributeLabel(ref));
    // `name` may also arrive partly as `name.givenName`: merge rather than overwrite.
    if (value !== undefined) container[attribute.name] = mergeComplex(container[attribute.name], value);
    return;
  }
  if (attribute.multiValued) throw invalidValue(`${attributeLabel(ref)}: a sub-attribute of a multi-valued attribute needs a value filter`);
  const value = coerceAttributeValue(subAttribute, raw, attributeLabel(ref));
  if (value === undefined) return;
  const parent = isJsonObject(container[attribute.name]) ? (container[attribute.name] as JsonObject) : {};
  container[attribute.name] = { ...parent, [subAttribute.name]: value };
}

function mergeComplex(existing: unknown, value: unknown): unknown {
  return isJsonObject(existing) && isJsonObject(value) ? { ...existing, ...value } : value;
}
