import { ResourceTypeName } from '../schema';
import { AttributePath, parsePatchPath, ScimPathError } from '../filter';
import { findAttribute, resolveAttributeName } from '../resource-model/attribute-ref';
import { invalidPath } from '../resource-model/scim-validation-error';
import { PatchTarget } from './patch-target';
import { bindValueFilter } from './value-filter';

/**
 * A PATCH `path` (RFC 7644 §3.5.2: attrPath / valuePath [subAttr]) resolved case-insensitively
 * against the resource type: `name.givenName`, `emails[type eq "work"].value`,
 * `urn:…:enterprise:2.0:User:manager`, `members[value eq "id"]`. Anything the schema does not
 * define is 400 invalidPath.
 */
export function resolvePatchTarget(resourceType: ResourceTypeName, path: string): PatchTarget {
  const parsed = parse(path);
  const qualified = parsed.uri ? `${parsed.uri}:${parsed.attribute}` : parsed.attribute;
  if (!parsed.valueFilter) {
    const ref = resolveAttributeName(resourceType, parsed.subAttribute ? `${qualified}.${parsed.subAttribute}` : qualified);
    if (!ref) throw invalidPath(`${path}: no such attribute`);
    return { ref, label: path };
  }
  const ref = resolveAttributeName(resourceType, qualified);
  if (!ref || ref.subAttribute) throw invalidPath(`${path}: no such attribute`);
  // Complex single-valued too: Entra's older form removes the manager with `manager[value eq "id"]`.
  if (!ref.attribute.multiValued && ref.attribute.type !== 'complex') throw invalidPath(`${path}: a value filter needs a multi-valued or complex attribute`);
  if (parsed.subAttribute !== undefined) {
    const sub = findAttribute(ref.attribute.subAttributes, parsed.subAttribute);
    if (!sub) throw invalidPath(`${path}: ${ref.attribute.name} has no sub-attribute "${parsed.subAttribute}"`);
    ref.subAttribute = sub;
  }
  return { ref, filter: bindValueFilter(ref.attribute, parsed.valueFilter, path), label: path };
}

function parse(path: string): AttributePath {
  try {
    return parsePatchPath(path);
  } catch (error) {
    if (error instanceof ScimPathError) throw invalidPath(error.detail);
    throw error;
  }
}
