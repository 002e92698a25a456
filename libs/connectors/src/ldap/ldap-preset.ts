import { Attribute, Change, EqualityFilter, Entry, Filter } from 'ldapts';
import { LdapPreset, LdapSettings } from './ldap-settings';

/** What the connector needs to know of a directory entry besides its DN. */
export type EntryState = Entry & { dn: string };

/**
 * How one directory dialect lays out users and groups (docs/connectors.md has the same tables). Mapping
 * tables are LDAP attribute → SCIM path (scim-path.ts); the RDN attribute is set by add and modDN only.
 */
export interface LdapPresetRules {
  name: LdapPreset;
  /** The store id: stays the same when the entry is renamed or moved (RFC 4530 entryUUID, AD objectGUID). */
  idAttribute: string;
  idFilter(id: string): Filter;
  idOf(entry: Entry): string | undefined;
  /** Attributes to read with a user besides the id: what stateChanges and passwordChange look at. */
  userStateAttributes: string[];
  user: {
    rdn: [attribute: string, path: string];
    objectClasses: string[];
    mapping: Record<string, string>;
    /** Set once, when we add the entry. */
    initial?: Record<string, string[]>;
  };
  group: { rdn: [attribute: string, path: string]; objectClasses: string[]; mapping: Record<string, string> };
  /** groupOfNames requires a member (RFC 4519 §3.5); the empty DN stands in for "no members". */
  placeholderMember?: string;
  /** The modification that makes the entry active or inactive, if it is not so already. */
  stateChanges(active: boolean, entry: EntryState | undefined, settings: LdapSettings): Change[];
  /** Setting our password hash on the entry, if the dialect can take a hash and the entry lacks it. */
  passwordChange?(passwordHash: string, entry: EntryState | undefined): Change | undefined;
}

export function replace(attribute: string, values: string[]): Change {
  return new Change({ operation: 'replace', modification: new Attribute({ type: attribute, values }) });
}

export function first(entry: Entry | undefined, attribute: string): string | undefined {
  const value = entry?.[attribute];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? undefined : one.toString();
}

export function equality(attribute: string, value: string | Buffer): Filter {
  return new EqualityFilter({ attribute, value });
}
