import { Change } from 'ldapts';
import { LocalResource, RemoteMember, UserStoreConnector } from '../connector';
import { dnKey, rdnOf, splitDn } from './dn';
import { attributeValues, groupMapping, userMapping } from './ldap-attributes';
import { LdapDirectory, memberChange, PERMISSIVE_MODIFY } from './ldap-directory';
import { isResult, LDAP_ALREADY_EXISTS, LDAP_NO_SUCH_OBJECT, LDAP_OBJECT_CLASS_VIOLATION, LdapRefusedError } from './ldap-errors';
import { EntryState, replace } from './ldap-preset';
import { valueAt } from './scim-path';

export interface LdapConnectorOptions {
  /** Our argon2id hash of the user's SCIM password, if it has one (never the clear text: we do not keep it). */
  passwordHash(localId: string): Promise<string | null>;
  /** The tenant's deprovisioning policy for deletes: hard-delete removes the entry, soft-delete disables it. */
  onDelete: 'soft-delete' | 'hard-delete';
}

/**
 * Provisions into an LDAP directory (docs/connectors.md "LDAP"). Store ids are entryUUID / objectGUID, so a
 * rename (modDN) keeps the link. Every method can be repeated after a failure: an add that finds the DN taken
 * links to that entry, deletes of what is gone succeed, member batches are permissive modifies.
 */
export class LdapConnector implements UserStoreConnector {
  constructor(
    private readonly dir: LdapDirectory,
    private readonly options: LdapConnectorOptions,
  ) {}

  private get preset() {
    return this.dir.preset;
  }

  async createUser(user: LocalResource): Promise<string> {
    const [rdnAttribute, rdnPath] = this.preset.user.rdn;
    const rdnValue = required(user, rdnPath);
    const dn = `${rdnOf(rdnAttribute, rdnValue)},${this.dir.settings.usersDn}`;
    const values = await this.userValues(user);
    const added = await this.addOrLink(dn, {
      ...present(values), objectClass: this.preset.user.objectClasses, [rdnAttribute]: [rdnValue], ...this.preset.user.initial,
    });
    const entry = await this.dir.findByDn(dn, this.preset.userStateAttributes);
    if (!entry) throw new LdapRefusedError(LDAP_NO_SUCH_OBJECT, `LDAP add ${dn}: the entry is not readable after the add`);
    // A linked entry is brought up to date; a new one already has our attributes.
    if (!added) await this.dir.session.modify(entry.dn, replaceAll(values));
    await this.writePasswordAndState(entry, user);
    return this.dir.idOf(entry);
  }

  async updateUser(remoteId: string, user: LocalResource): Promise<string> {
    const found = await this.dir.find('User', remoteId, this.preset.userStateAttributes);
    if (!found) return this.createUser(user);
    const entry = await this.renamed(found, this.preset.user.rdn, user);
    await this.dir.session.modify(entry.dn, replaceAll(await this.userValues(user)));
    await this.writePasswordAndState(entry, user);
    return remoteId;
  }

  async deactivateUser(remoteId: string): Promise<boolean> {
    const entry = await this.dir.find('User', remoteId, this.preset.userStateAttributes);
    if (!entry) return false;
    await this.dir.session.modify(entry.dn, this.preset.stateChanges(false, entry, this.dir.settings));
    return true;
  }

  async deleteUser(remoteId: string): Promise<void> {
    const entry = await this.dir.find('User', remoteId, this.preset.userStateAttributes);
    if (!entry) return;
    if (this.options.onDelete === 'soft-delete') {
      await this.dir.session.modify(entry.dn, this.preset.stateChanges(false, entry, this.dir.settings));
    } else {
      await this.deleteEntry(entry.dn);
    }
    // A deleted user belongs to no group (RFC 7644 §3.6); its member events may find it unmapped already.
    await this.dir.rewriteMemberships(entry.dn, null);
  }

  async createGroup(group: LocalResource): Promise<string> {
    const [rdnAttribute, rdnPath] = this.preset.group.rdn;
    const rdnValue = required(group, rdnPath);
    const dn = `${rdnOf(rdnAttribute, rdnValue)},${this.dir.settings.groupsDn}`;
    const values = await attributeValues(group, groupMapping(this.preset), async () => undefined);
    const placeholder = this.preset.placeholderMember;
    const added = await this.addOrLink(dn, {
      ...present(values), objectClass: this.preset.group.objectClasses, [rdnAttribute]: [rdnValue],
      ...(placeholder === undefined ? {} : { member: [placeholder] }),
    });
    const entry = await this.dir.findByDn(dn);
    if (!entry) throw new LdapRefusedError(LDAP_NO_SUCH_OBJECT, `LDAP add ${dn}: the entry is not readable after the add`);
    if (!added) await this.dir.session.modify(entry.dn, replaceAll(values));
    return this.dir.idOf(entry);
  }

  async updateGroup(remoteId: string, group: LocalResource): Promise<string> {
    const found = await this.dir.find('Group', remoteId);
    if (!found) return this.createGroup(group);
    const entry = await this.renamed(found, this.preset.group.rdn, group);
    await this.dir.session.modify(entry.dn, replaceAll(await attributeValues(group, groupMapping(this.preset), async () => undefined)));
    return remoteId;
  }

  async deleteGroup(remoteId: string): Promise<void> {
    const entry = await this.dir.find('Group', remoteId);
    if (!entry) return;
    await this.deleteEntry(entry.dn);
    await this.dir.rewriteMemberships(entry.dn, null);
  }

  /** One modify for the whole batch, whatever the group's size (docs/connectors.md "Large groups"). */
  async addMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void> {
    if (members.length === 0) return;
    const group = await this.group(groupRemoteId);
    const dns = await this.dir.dnsOf(members);
    if (dns.length === 0) return;
    await this.dir.session.modify(group.dn, [memberChange('add', dns)], [PERMISSIVE_MODIFY]);
  }

  async removeMembers(groupRemoteId: string, members: RemoteMember[]): Promise<void> {
    if (members.length === 0) return;
    const group = await this.group(groupRemoteId);
    const dns = await this.dir.dnsOf(members);
    if (dns.length === 0) return;
    try {
      await this.dir.removeMembers(group.dn, dns);
    } catch (error) {
      // A group made by hand without our placeholder cannot lose its last member: add the placeholder too.
      const placeholder = this.preset.placeholderMember;
      if (placeholder === undefined || !isResult(error, LDAP_OBJECT_CLASS_VIOLATION)) throw error;
      await this.dir.removeMembers(group.dn, dns, [memberChange('add', [placeholder])]);
    }
  }

  async listMembers(groupRemoteId: string): Promise<RemoteMember[]> {
    const group = await this.group(groupRemoteId, ['member']);
    const raw = group.member;
    const dns = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    return this.dir.membersOf(dns.filter((dn) => dn !== this.preset.placeholderMember));
  }

  private async group(remoteId: string, attributes: string[] = []): Promise<EntryState> {
    const group = await this.dir.find('Group', remoteId, attributes);
    if (!group) throw new LdapRefusedError(LDAP_NO_SUCH_OBJECT, `LDAP group ${remoteId} is not in ${this.dir.settings.groupsDn}`);
    return group;
  }

  /** True when added, false when the DN was taken and we link to that entry (create is link-to-existing). */
  private async addOrLink(dn: string, attributes: Record<string, string[]>): Promise<boolean> {
    try {
      await this.dir.session.add(dn, attributes);
      return true;
    } catch (error) {
      if (isResult(error, LDAP_ALREADY_EXISTS)) return false;
      throw error;
    }
  }

  private async deleteEntry(dn: string): Promise<void> {
    try {
      await this.dir.session.del(dn);
    } catch (error) {
      if (!isResult(error, LDAP_NO_SUCH_OBJECT)) throw error;
    }
  }

  /** A changed userName or displayName renames the entry in place (modDN); member values follow it. */
  private async renamed(entry: EntryState, [attribute, path]: [string, string], resource: LocalResource): Promise<EntryState> {
    const wanted = rdnOf(attribute, required(resource, path));
    const [current, parent] = splitDn(entry.dn);
    if (dnKey(current) === dnKey(wanted)) return entry;
    const newDn = `${wanted},${parent}`;
    await this.dir.session.modifyDN(entry.dn, wanted);
    await this.dir.rewriteMemberships(entry.dn, newDn);
    return { ...entry, dn: newDn };
  }

  private userValues(user: LocalResource): Promise<Record<string, string[]>> {
    return attributeValues(user, userMapping(this.preset, this.dir.settings), async (managerId) => (await this.dir.find('User', managerId))?.dn);
  }

  /**
   * The password first, in a modify of its own: ppolicy clears pwdAccountLockedTime when a password is set,
   * so the lock state is decided after it, as if the entry were new.
   */
  private async writePasswordAndState(entry: EntryState, user: LocalResource): Promise<void> {
    const hash = this.preset.passwordChange ? await this.options.passwordHash(user.id) : null;
    const passwordChange = hash ? this.preset.passwordChange!(hash, entry) : undefined;
    if (passwordChange) await this.dir.session.modify(entry.dn, [passwordChange]);
    const state = passwordChange ? { dn: entry.dn } : entry;
    await this.dir.session.modify(entry.dn, this.preset.stateChanges(user.active !== false, state, this.dir.settings));
  }
}

function required(resource: LocalResource, path: string): string {
  const value = valueAt(resource, path);
  if (value === undefined) throw new LdapRefusedError(LDAP_OBJECT_CLASS_VIOLATION, `${resource.id} has no ${path} to name its LDAP entry`);
  return value;
}

function present(values: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.length > 0));
}

function replaceAll(values: Record<string, string[]>): Change[] {
  return Object.entries(values).map(([attribute, v]) => replace(attribute, v));
}
