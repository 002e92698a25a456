import { LocalResource } from '../connector';
import { LdapPresetRules } from './ldap-preset';
import { LdapSettings } from './ldap-settings';
import { valueAt } from './scim-path';

/** SCIM path whose value is a store id to be written as that entry's DN (RFC 4524 §2.11 manager). */
export const MANAGER_PATH = 'enterprise.manager';

/** The preset's table with the connector's overrides on top (null drops an attribute). */
export function userMapping(preset: LdapPresetRules, settings: LdapSettings): [attribute: string, path: string][] {
  return merged(preset.user.mapping, settings.mapping, preset.user.rdn[0]);
}

export function groupMapping(preset: LdapPresetRules): [attribute: string, path: string][] {
  return Object.entries(preset.group.mapping);
}

function merged(table: Record<string, string>, overrides: Record<string, string | null>, rdnAttribute: string): [string, string][] {
  const result = new Map(Object.entries(table));
  for (const [attribute, path] of Object.entries(overrides)) {
    const existing = [...result.keys()].find((k) => k.toLowerCase() === attribute.toLowerCase()) ?? attribute;
    if (path === null) result.delete(existing);
    else result.set(existing, path);
  }
  // The RDN attribute follows userName through add and modDN only.
  for (const key of result.keys()) if (key.toLowerCase() === rdnAttribute.toLowerCase()) result.delete(key);
  return [...result];
}

/**
 * Attribute values for a resource: every mapped attribute, empty when the resource has no value (a replace
 * with no values removes the attribute, RFC 4511 §4.6). `resolveDn` turns the manager's store id into its DN.
 */
export async function attributeValues(
  resource: LocalResource,
  mapping: [string, string][],
  resolveDn: (storeId: string) => Promise<string | undefined>,
): Promise<Record<string, string[]>> {
  const values: Record<string, string[]> = {};
  for (const [attribute, path] of mapping) {
    const value = valueAt(resource, path);
    const written = value !== undefined && path === MANAGER_PATH ? await resolveDn(value) : value;
    values[attribute] = written === undefined ? [] : [written];
  }
  return values;
}
