import { Attribute, Change, Control, Entry, OrFilter } from 'ldapts';
import { RemoteMember } from '../connector';
import { dnKey } from './dn';
import { isResult, LDAP_NO_SUCH_ATTRIBUTE, LDAP_NO_SUCH_OBJECT } from './ldap-errors';
import { EntryState, equality, LdapPresetRules } from './ldap-preset';
import { LdapSession } from './ldap-session';
import { LdapSettings } from './ldap-settings';

export type Kind = 'User' | 'Group';

/**
 * Permissive modify ([MS-ADTS] §3.1.1.3.4.1.8; OpenLDAP honours it for adds): adding a value that is there,
 * or (in AD) deleting one that is not, succeeds, so a member batch is one modify that a retry can repeat.
 */
export const PERMISSIVE_MODIFY = new Control('1.2.840.113556.1.4.1413');

/** Ids per OR filter when turning many store ids into DNs. */
const IDS_PER_SEARCH = 200;

/** Lookups in the directory by the store's ids, and the DN bookkeeping member values need. */
export class LdapDirectory {
  /** DN → member, built on the first listMembers of a connector instance (one resync) and reused. */
  private index?: Promise<Map<string, RemoteMember>>;

  constructor(
    readonly session: LdapSession,
    readonly settings: LdapSettings,
    readonly preset: LdapPresetRules,
  ) {}

  base(kind: Kind): string {
    return kind === 'User' ? this.settings.usersDn : this.settings.groupsDn;
  }

  async find(kind: Kind, id: string, attributes: string[] = []): Promise<EntryState | undefined> {
    const [entry] = await this.session.search(this.base(kind), {
      scope: 'sub', filter: this.preset.idFilter(id), attributes: [this.preset.idAttribute, ...attributes], binary: this.binary(),
    });
    return entry;
  }

  async findByDn(dn: string, attributes: string[] = []): Promise<EntryState | undefined> {
    try {
      const [entry] = await this.session.search(dn, { scope: 'base', attributes: [this.preset.idAttribute, ...attributes], binary: this.binary() });
      return entry;
    } catch (error) {
      if (isResult(error, LDAP_NO_SUCH_OBJECT)) return undefined;
      throw error;
    }
  }

  idOf(entry: Entry): string {
    const id = this.preset.idOf(entry);
    if (!id) throw new Error(`LDAP entry ${entry.dn} has no ${this.preset.idAttribute}`);
    return id;
  }

  /** The DNs of these store ids, one search per kind and batch; ids the directory no longer has are left out. */
  async dnsOf(members: RemoteMember[]): Promise<string[]> {
    const dns: string[] = [];
    for (const kind of ['User', 'Group'] as const) {
      const ids = members.filter((m) => m.type === kind).map((m) => m.value);
      for (let i = 0; i < ids.length; i += IDS_PER_SEARCH) {
        const filters = ids.slice(i, i + IDS_PER_SEARCH).map((id) => this.preset.idFilter(id));
        const entries = await this.session.search(this.base(kind), { scope: 'sub', filter: new OrFilter({ filters }), attributes: ['1.1'] });
        dns.push(...entries.map((e) => e.dn));
      }
    }
    return dns;
  }

  /** Store ids of member DNs: from one scan of both subtrees, then one base search per DN it did not know. */
  async membersOf(dns: string[]): Promise<RemoteMember[]> {
    // One scan shared by the resync's parallel lanes; a failed one is dropped so the retry scans again.
    this.index ??= this.scan().catch((error: unknown) => {
      this.index = undefined;
      throw error;
    });
    const index = await this.index;
    const members: RemoteMember[] = [];
    for (const dn of dns) {
      let member = index.get(dnKey(dn));
      if (!member) {
        const entry = await this.findByDn(dn);
        const id = entry && this.preset.idOf(entry);
        if (!id) continue; // a dangling DN: nothing of ours
        member = { value: id, type: dnKey(dn).endsWith(dnKey(this.settings.groupsDn)) ? 'Group' : 'User' };
        index.set(dnKey(dn), member);
      }
      members.push(member);
    }
    return members;
  }

  /**
   * Member values pointing at a renamed or deleted entry are moved or dropped, for directories that do not do
   * it themselves (OpenLDAP without the refint overlay; with it, or in AD, the search finds nothing to do).
   */
  async rewriteMemberships(oldDn: string, newDn: string | null): Promise<void> {
    const groups = await this.session.search(this.settings.groupsDn, { scope: 'sub', filter: equality('member', oldDn), attributes: ['1.1'], paged: true });
    for (const group of groups) {
      await this.removeMembers(group.dn, [oldDn], newDn ? [memberChange('add', [newDn])] : []);
    }
  }

  /**
   * One modify deleting these member values (plus `also`). OpenLDAP answers 16 noSuchAttribute, even under
   * permissive modify, when one of them is gone already (another sync, a hand edit, a retry): then each DN of
   * the batch is checked with a compare and the modify repeated with those still there. The cost follows
   * the batch, never the size of the group.
   */
  async removeMembers(groupDn: string, dns: string[], also: Change[] = []): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.session.modify(groupDn, [...(dns.length > 0 ? [memberChange('delete', dns)] : []), ...also], [PERMISSIVE_MODIFY]);
        return;
      } catch (error) {
        if (!isResult(error, LDAP_NO_SUCH_ATTRIBUTE) || attempt >= 2) throw error;
        const present: string[] = [];
        for (const dn of dns) if (await this.session.compare(groupDn, 'member', dn)) present.push(dn);
        dns = present;
      }
    }
  }

  private async scan(): Promise<Map<string, RemoteMember>> {
    const index = new Map<string, RemoteMember>();
    for (const kind of ['User', 'Group'] as const) {
      const entries = await this.session.search(this.base(kind), { scope: 'sub', attributes: [this.preset.idAttribute], binary: this.binary(), paged: true });
      for (const entry of entries) {
        const id = this.preset.idOf(entry);
        if (id) index.set(dnKey(entry.dn), { value: id, type: kind });
      }
    }
    return index;
  }

  private binary(): string[] | undefined {
    return this.preset.idAttribute === 'objectGUID' ? ['objectGUID'] : undefined;
  }
}

export function memberChange(operation: 'add' | 'delete', dns: string[]): Change {
  return new Change({ operation, modification: new Attribute({ type: 'member', values: dns }) });
}
