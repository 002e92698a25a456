import { AttributeDefinition, COMMON_ATTRIBUTES, getResourceSchema, ResourceTypeName, SchemaDefinition } from '../schema';
import { findAttribute, resolveAttributeName } from '../resource-model/attribute-ref';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { parseAttributeSelection, selectionKey, SelectionRules } from './attribute-selection';
import { projectValue, returnsAttribute } from './returned-rules';

export interface ProjectionParams {
  attributes?: string;
  excludedAttributes?: string;
}

export interface Projection {
  /** The resource as a response shows it. */
  project(resource: JsonObject): JsonObject;
  /**
   * Whether an attribute (`members`, `groups`, `name.givenName`) would appear, so callers skip
   * loading what is not returned: Entra reads groups with excludedAttributes=members (MS-TUT).
   */
  returns(attributeName: string): boolean;
}

/**
 * RFC 7644 §3.4.2.5 / §3.9 with RFC 7643 §2.2 `returned`: `always` (id) survives any list, `never`
 * (password) never appears, `default` appears unless excluded or an `attributes` list leaves it
 * out, `request` appears only when listed. `schemas` always appears and lists the extensions left.
 * When both lists are given, `attributes` selects and `excludedAttributes` then removes.
 * Parse once per request and apply to every resource of a list.
 */
export function compileProjection(resourceType: ResourceTypeName, params: ProjectionParams = {}): Projection {
  const rules: SelectionRules = {
    include: parseAttributeSelection(resourceType, params.attributes),
    exclude: parseAttributeSelection(resourceType, params.excludedAttributes),
  };
  const { core, extensions } = getResourceSchema(resourceType);
  return {
    project: (resource) => projectResource(resource, core, extensions, rules),
    returns: (name) => {
      const ref = resolveAttributeName(resourceType, name);
      if (!ref) return false;
      const scope = ref.inExtension ? ref.schemaUrn : '';
      return returnsAttribute(ref.attribute, ref.subAttribute, scope, rules);
    },
  };
}

function projectResource(resource: JsonObject, core: SchemaDefinition, extensions: SchemaDefinition[], rules: SelectionRules): JsonObject {
  const result: JsonObject = {};
  const coreAttributes = [...COMMON_ATTRIBUTES, ...core.attributes];
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas') continue;
    const extension = extensions.find((ext) => ext.id === key);
    const projected = extension ? projectExtension(value, extension, rules) : projectAttribute(coreAttributes, '', key, value, rules);
    if (projected !== undefined) result[key] = projected;
  }
  const schemas = Array.isArray(resource.schemas) ? resource.schemas : [core.id];
  const dropped = new Set(extensions.map((ext) => ext.id).filter((urn) => !(urn in result)));
  return { schemas: schemas.filter((urn) => !dropped.has(urn as string)), ...result };
}

function projectExtension(value: unknown, extension: SchemaDefinition, rules: SelectionRules): JsonObject | undefined {
  if (!isJsonObject(value) || rules.exclude?.extensions.has(extension.id)) return undefined;
  const whole = rules.include?.extensions.has(extension.id) ?? false;
  const scoped: SelectionRules = whole ? { exclude: rules.exclude } : rules;
  const result: JsonObject = {};
  for (const [key, inner] of Object.entries(value)) {
    const projected = projectAttribute(extension.attributes, extension.id, key, inner, scoped);
    if (projected !== undefined) result[key] = projected;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function projectAttribute(defs: readonly AttributeDefinition[], scope: string, key: string, value: unknown, rules: SelectionRules): unknown {
  const attribute = findAttribute(defs, key);
  // Keys the schema does not know were not written by the validator; show them as `default`.
  if (!attribute) return rules.include && !rules.include.whole.has(selectionKey(scope, key)) ? undefined : value;
  if (!returnsAttribute(attribute, undefined, scope, rules)) return undefined;
  return projectValue(attribute, scope, value, rules);
}
