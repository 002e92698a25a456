import { isIP } from 'node:net';
import { ConnectionOptions } from 'node:tls';
import { AddressPolicy } from '@provisio/outbound';
import { Change, Client, Control, Entry, Filter } from 'ldapts';
import { allowedAddress } from './ldap-address';
import { ldapFailure } from './ldap-errors';
import { LdapTarget } from './ldap-settings';

/** Results of one search come in pages of this size (RFC 2696), so a 10,000-entry subtree never hits a size limit. */
const PAGE_SIZE = 500;

export interface LdapSearch {
  scope: 'base' | 'one' | 'sub';
  /**
   * Page the results (RFC 2696) for searches that may return many entries. Paged searches on one connection
   * run one at a time: OpenLDAP keeps a single paging cookie per connection and rejects an older one.
   */
  paged?: boolean;
  filter?: Filter | string;
  attributes: string[];
  /** Binary attributes (objectGUID) come back as Buffers. */
  binary?: string[];
}

/**
 * One bound LDAP connection to a directory, shared by the syncs of its connector (LDAP multiplexes requests
 * by message id). Reconnects and binds again on the next operation after the connection dropped; every
 * connection goes to an address the SSRF policy allows, checked right before connecting.
 */
export class LdapSession {
  private client?: Client;
  private opening?: Promise<Client>;
  private pagedTurn: Promise<unknown> = Promise.resolve();
  private inFlight = 0;
  private lastActive = Date.now();

  constructor(
    private readonly target: LdapTarget,
    private readonly policy: AddressPolicy,
    private readonly timeoutMs: number,
  ) {}

  async search(base: string, search: LdapSearch): Promise<Entry[]> {
    const options = { scope: search.scope, filter: search.filter, attributes: search.attributes, explicitBufferAttributes: search.binary };
    if (!search.paged) return this.run('search', base, async (client) => (await client.search(base, options)).searchEntries);
    const turn = this.pagedTurn.then(() => this.run('search', base, async (client) => {
      const entries: Entry[] = [];
      for await (const page of client.searchPaginated(base, { ...options, paged: { pageSize: PAGE_SIZE } })) entries.push(...page.searchEntries);
      return entries;
    }));
    this.pagedTurn = turn.catch(() => undefined);
    return turn;
  }

  add(dn: string, attributes: Record<string, string[]>): Promise<void> {
    return this.run('add', dn, (client) => client.add(dn, attributes));
  }

  modify(dn: string, changes: Change[], controls?: Control[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    return this.run('modify', dn, (client) => client.modify(dn, changes, controls));
  }

  /** RFC 4511 §4.10: whether the entry has this attribute value (false also when it lacks the attribute). */
  compare(dn: string, attribute: string, value: string): Promise<boolean> {
    return this.run('compare', dn, (client) => client.compare(dn, attribute, value));
  }

  modifyDN(dn: string, newDn: string): Promise<void> {
    return this.run('modDN', dn, (client) => client.modifyDN(dn, newDn));
  }

  del(dn: string): Promise<void> {
    return this.run('delete', dn, (client) => client.del(dn));
  }

  /** How long nothing has been asked of this session (0 while an operation runs), for the idle close. */
  idleMs(now = Date.now()): number {
    return this.inFlight > 0 ? 0 : now - this.lastActive;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isConnected) await client.unbind().catch(() => undefined);
  }

  private async run<T>(operation: string, dn: string, work: (client: Client) => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work(await this.connected());
    } catch (error) {
      throw ldapFailure(operation, dn, error);
    } finally {
      this.inFlight--;
      this.lastActive = Date.now();
    }
  }

  private connected(): Promise<Client> {
    if (this.client?.isConnected) return Promise.resolve(this.client);
    this.opening ??= this.open().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  private async open(): Promise<Client> {
    const url = new URL(this.target.url);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const address = await allowedAddress(host, this.policy);
    const secure = url.protocol === 'ldaps:';
    const port = url.port || (secure ? '636' : '389');
    // We connect to the checked address; the certificate is still verified against the configured name.
    const tls: ConnectionOptions = {
      ...(isIP(host) ? {} : { servername: host }),
      ...(this.target.caCertificate ? { ca: this.target.caCertificate } : {}),
      minVersion: 'TLSv1.2',
    };
    const client = new Client({
      url: `${url.protocol}//${address.includes(':') ? `[${address}]` : address}:${port}`,
      timeout: this.timeoutMs,
      connectTimeout: this.timeoutMs,
      // ldapts speaks TLS from the first byte whenever tlsOptions is set, so only for ldaps://.
      tlsOptions: secure ? tls : undefined,
    });
    try {
      if (!secure && this.target.startTls) await client.startTLS(tls);
      await client.bind(this.target.bindDn, this.target.bindPassword);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw ldapFailure('bind', this.target.bindDn, error);
    }
    const previous = this.client;
    this.client = client;
    if (previous?.isConnected) void previous.unbind().catch(() => undefined);
    return client;
  }
}
