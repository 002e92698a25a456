import { AttributeDefinition, SchemaDefinition } from './attribute-definition';
import { COMMON_ATTRIBUTES } from './common-attributes';
import { ResourceTypeName } from './resource-types';
import { findAttribute, findSubAttribute, getResourceSchema } from './schema-registry';

/** An attribute path as written: optional schema URN, attribute name, optional sub-attribute name. */
export interface AttributeReference {
  uri?: string;
  attribute: string;
  subAttribute?: string;
}

/** A path resolved against the schema, with every name in its canonical spelling. */
export interface ResolvedAttribute {
  /** URN of the schema that defines the top-level attribute (the core URN for id, externalId, meta). */
  schemaUrn: string;
  /** The attribute the path ends at: the sub-attribute when there is one. */
  attribute: AttributeDefinition;
  /** The complex attribute holding `attribute` when the path names a sub-attribute. */
  parent?: AttributeDefinition;
  /** Canonical names, e.g. ['name', 'familyName']. */
  names: string[];
  /** Canonical dotted path without URN, e.g. 'name.familyName' or 'manager.value'. */
  path: string;
  /** URN-qualified canonical path, e.g. 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value'. */
  fullPath: string;
  /** Keys from the resource JSON root: extension attributes sit under their schema URN (RFC 7643 §3.3). */
  storagePath: string[];
  common: boolean;
  extension: boolean;
}

/**
 * Resolves a textual path ("userName", "name.familyName", "urn:…:enterprise:2.0:User:manager.value")
 * case-insensitively. Returns undefined for anything the schema does not define; callers decide
 * whether that is an error (PATCH, validator) or an unassigned attribute (filters, sorting).
 */
export function resolveAttributePath(resourceType: ResourceTypeName, path: string): ResolvedAttribute | undefined {
  const reference = splitAttributePath(resourceType, path);
  return reference && resolveAttribute(resourceType, reference);
}

/** Splits a path at its schema URN (matched against this resource type's schemas) and at the dot. */
export function splitAttributePath(resourceType: ResourceTypeName, path: string): AttributeReference | undefined {
  let uri: string | undefined;
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    const { core, extensions } = getResourceSchema(resourceType);
    const schema = [core, ...extensions].find((candidate) => path.toLowerCase().startsWith(`${candidate.id.toLowerCase()}:`));
    if (!schema) return undefined;
    uri = schema.id;
    rest = path.slice(schema.id.length + 1);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  return { uri, attribute: parts[0], subAttribute: parts[1] };
}

export function resolveAttribute(resourceType: ResourceTypeName, reference: AttributeReference): ResolvedAttribute | undefined {
  const top = findTopLevel(resourceType, reference.uri, reference.attribute);
  if (!top) return undefined;
  const { schema, attribute: topAttribute, common } = top;
  let leaf = topAttribute;
  if (reference.subAttribute !== undefined) {
    const sub = findSubAttribute(topAttribute, reference.subAttribute);
    if (!sub) return undefined;
    leaf = sub;
  }
  const names = leaf === topAttribute ? [topAttribute.name] : [topAttribute.name, leaf.name];
  const extension = schema.id !== getResourceSchema(resourceType).core.id;
  const path = names.join('.');
  return {
    schemaUrn: schema.id,
    attribute: leaf,
    parent: leaf === topAttribute ? undefined : topAttribute,
    names,
    path,
    fullPath: `${schema.id}:${path}`,
    storagePath: extension ? [schema.id, ...names] : names,
    common,
    extension,
  };
}

interface TopLevelMatch {
  schema: SchemaDefinition;
  attribute: AttributeDefinition;
  common: boolean;
}

/**
 * Unqualified names look in the common attributes, then the core schema, then the extensions.
 * RFC 7644 §3.10 only lets clients omit the core URN, but Entra's older manager mapping sends
 * "manager" bare; no extension attribute shares a name with a core one, so the fallback is unambiguous.
 */
function findTopLevel(resourceType: ResourceTypeName, uri: string | undefined, name: string): TopLevelMatch | undefined {
  const { core, extensions } = getResourceSchema(resourceType);
  const candidates = uri === undefined ? [core, ...extensions] : [core, ...extensions].filter((schema) => schema.id.toLowerCase() === uri.toLowerCase());
  for (const schema of candidates) {
    if (schema === core) {
      const common = findAttribute(COMMON_ATTRIBUTES, name);
      if (common) return { schema, attribute: common, common: true };
    }
    const attribute = findAttribute(schema.attributes, name);
    if (attribute) return { schema, attribute, common: false };
  }
  return undefined;
}
