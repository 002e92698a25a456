import { ResourceTypeName } from '../schema';
import { AttributeRef, findExtension, resolveAttributeName } from './attribute-ref';
import { isJsonObject, JsonObject } from './json-value';
import { invalidValue } from './scim-validation-error';

/** One attribute assignment found in a request body or a PATCH value without path. */
export interface AttributeEntry {
  /** The key as the client wrote it, for error messages. */
  key: string;
  ref: AttributeRef;
  raw: unknown;
}

/**
 * Flattens a body into attribute assignments. Accepted spellings, all case-insensitive
 * (RFC 7643 §2.1, RFC 7644 §3.10): `userName`, `name.givenName` (Entra's no-path PATCH keys),
 * `urn:…:User:userName`, extension objects under their URN key (RFC 7643 §3.3) and the flat
 * URN-prefixed form `urn:…:enterprise:2.0:User:manager` (Entra, MS-KI).
 *
 * Unknown names are skipped, not rejected. RFC 7644 does not require rejecting them on POST/PUT,
 * and Entra and Okta send whatever an admin mapped (custom extension URNs, attributes of schemas we
 * do not serve); a 400 there quarantines the whole provisioning job. `schemas` is not an attribute
 * (RFC 7643 §3) and is handled by the caller.
 */
export function attributeEntries(resourceType: ResourceTypeName, body: JsonObject): AttributeEntry[] {
  const entries: AttributeEntry[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const extension = findExtension(resourceType, key);
    if (!extension) {
      const ref = resolveAttributeName(resourceType, key);
      if (ref) entries.push({ key, ref, raw });
      continue;
    }
    if (raw === null || raw === undefined) continue;
    if (!isJsonObject(raw)) throw invalidValue(`${key} must be a JSON object of extension attributes`);
    for (const [innerKey, innerRaw] of Object.entries(raw)) {
      const ref = resolveAttributeName(resourceType, `${extension.id}:${innerKey}`);
      if (ref) entries.push({ key: `${key}:${innerKey}`, ref, raw: innerRaw });
    }
  }
  return entries;
}

/** The object an attribute lives in: the resource itself, or its extension object (created on demand). */
export function attributeContainer(resource: JsonObject, ref: AttributeRef, create: boolean): JsonObject | undefined {
  if (!ref.inExtension) return resource;
  const existing = resource[ref.schemaUrn];
  if (isJsonObject(existing)) return existing;
  if (!create) return undefined;
  const container: JsonObject = {};
  resource[ref.schemaUrn] = container;
  return container;
}
