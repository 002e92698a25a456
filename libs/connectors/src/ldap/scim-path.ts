import { LocalResource } from '../connector';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * The value a mapping path names in a SCIM user or group (docs/connectors.md "LDAP attribute mapping"):
 * - dotted attribute paths (`name.givenName`); `enterprise.` stands for the enterprise extension (RFC 7643 §4.3);
 * - a multi-valued attribute (RFC 7643 §2.4) gives its primary value, else its first (`emails` → the primary address);
 * - alternatives separated by `|` give the first that has a value (`displayName|name.formatted|userName`);
 * - `userName:localPart` is the userName up to `@`, cut to 20 characters (Active Directory's sAMAccountName limit).
 * Case-insensitive like SCIM attribute names (RFC 7643 §2.1). Undefined when nothing has a value.
 */
export function valueAt(resource: LocalResource, path: string): string | undefined {
  for (const alternative of path.split('|')) {
    const value = single(alternative.trim(), resource);
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

function single(path: string, resource: LocalResource): string | undefined {
  if (path === 'userName:localPart') {
    const userName = valueAt(resource, 'userName');
    return userName?.split('@')[0].slice(0, 20);
  }
  const [first, ...rest] = path.split('.');
  let current: unknown = first.toLowerCase() === 'enterprise' ? field(resource, ENTERPRISE) : field(resource, first);
  for (const segment of rest) current = field(pick(current), segment);
  current = pick(current);
  if (current !== null && typeof current === 'object' && 'value' in current) current = (current as { value: unknown }).value;
  if (typeof current === 'string') return current;
  if (typeof current === 'number' || typeof current === 'boolean') return String(current);
  return undefined;
}

/** The primary element of a multi-valued attribute, else its first; anything else as it is. */
function pick(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.find((item) => (item as { primary?: unknown } | null)?.primary === true) ?? value[0];
}

function field(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}
