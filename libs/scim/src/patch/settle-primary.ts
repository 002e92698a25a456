import { AttributeDefinition } from '../schema';
import { isJsonObject } from '../resource-model/json-value';
import { invalidValue } from '../resource-model/scim-validation-error';

/** Which elements were primary before an operation, by identity. */
export function primaryFlags(value: unknown): Map<unknown, boolean> {
  const flags = new Map<unknown, boolean>();
  if (Array.isArray(value)) for (const item of value) flags.set(item, isJsonObject(item) && item.primary === true);
  return flags;
}

/**
 * RFC 7644 §3.5.2: a PATCH that sets `primary` to true on one value "SHALL cause the server to
 * automatically set 'primary' to 'false' for any other values in the array". An operation that
 * makes two values primary at once is still an error (RFC 7643 §2.4).
 */
export function settlePrimary(container: Record<string, unknown>, attribute: AttributeDefinition, before: Map<unknown, boolean>, label: string): void {
  const items = container[attribute.name];
  if (!attribute.multiValued || !Array.isArray(items)) return;
  const primaries = items.filter((item) => isJsonObject(item) && item.primary === true) as Record<string, unknown>[];
  if (primaries.length <= 1) return;
  const fresh = primaries.filter((item) => before.get(item) !== true);
  if (fresh.length !== 1) throw invalidValue(`${label}: at most one value may be primary`);
  for (const item of primaries) if (item !== fresh[0]) item.primary = false;
}
