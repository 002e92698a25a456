import { ResourceTypeName } from '../schema';
import { isJsonObject, JsonObject } from '../resource-model/json-value';
import { invalidValue } from '../resource-model/scim-validation-error';

/**
 * The attributes stored as indexed columns (userName, externalId, displayName, email values) are
 * capped: a btree or GIN index entry holds at most ~2700 bytes, and a longer value would fail in
 * Postgres instead of answering a clear 400. 512 characters (at most 2 KiB of UTF-8) is far above
 * what any IdP sends (Entra UPNs stop at 113, email addresses at 254).
 */
export const MAX_INDEXED_LENGTH = 512;

const INDEXED: Record<ResourceTypeName, readonly string[]> = {
  User: ['userName', 'externalId', 'displayName'],
  Group: ['displayName', 'externalId'],
};

export function assertIndexedLengths(resourceType: ResourceTypeName, resource: JsonObject): void {
  for (const name of INDEXED[resourceType]) check(resource[name], name);
  if (resourceType !== 'User' || !Array.isArray(resource.emails)) return;
  for (const email of resource.emails) if (isJsonObject(email)) check(email.value, 'emails.value');
}

function check(value: unknown, label: string): void {
  if (typeof value === 'string' && value.length > MAX_INDEXED_LENGTH) {
    throw invalidValue(`${label} is ${value.length} characters long; at most ${MAX_INDEXED_LENGTH} are accepted`);
  }
}
