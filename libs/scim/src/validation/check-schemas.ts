import { getResourceSchema, ResourceTypeName } from '../schema';
import { JsonObject } from '../resource-model/json-value';
import { invalidSyntax } from '../resource-model/scim-validation-error';

/**
 * RFC 7643 §3: `schemas` is REQUIRED and lists the core schema of the resource type. Other URIs are
 * tolerated: Entra's tutorial still sends the ADSCIM Group URI
 * (http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group, MS-KI "fixed in 2018"),
 * and clients list extensions they use; the stored `schemas` is recomputed from the attributes kept.
 */
export function checkSchemas(resourceType: ResourceTypeName, body: JsonObject): void {
  const core = getResourceSchema(resourceType).core.id;
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'schemas');
  const schemas = key === undefined ? undefined : body[key];
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) {
    throw invalidSyntax(`schemas must be an array of schema URIs including ${core}`);
  }
  if (!schemas.some((urn: string) => urn.toLowerCase() === core.toLowerCase())) {
    throw invalidSyntax(`schemas must include the core schema ${core}`);
  }
}

/** RFC 7643 §3: the core schema plus each extension the resource holds attributes of. */
export function resourceSchemas(resourceType: ResourceTypeName, resource: JsonObject): string[] {
  const { core, extensions } = getResourceSchema(resourceType);
  return [core.id, ...extensions.filter((ext) => ext.id in resource).map((ext) => ext.id)];
}
