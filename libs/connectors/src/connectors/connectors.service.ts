import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { isUuid } from '@provisio/database';
import { BadRequestError } from '@provisio/observability';
import { AddressPolicy, checkTargetUrl, OutboundHttpClient, OutboundTargetError, SecretBox } from '@provisio/outbound';
import { TenantsService } from '@provisio/tenancy';
import { DataSource, EntityManager } from 'typeorm';
import { LDAP_FIELDS, LdapInput, PreparedLdap, prepareLdap } from '../ldap/ldap-configuration';
import { LdapTarget } from '../ldap/ldap-settings';
import { ConnectorEntity, ConnectorType } from './connector.entity';
import { ConnectorNotFoundError } from './connector-errors';

interface ScimInput {
  baseUrl?: string;
  token?: string;
}

interface CommonInput {
  description?: string | null;
  enabled?: boolean;
}

/** The admin API's create body: SCIM fields for `scim`, LDAP fields for `ldap` (the DTO checks which). */
export type NewConnector = { type: ConnectorType } & ScimInput & LdapInput & CommonInput;
export type ConnectorChanges = ScimInput & LdapInput & CommonInput;

/** What a create or change stores: the URL, the secret to seal (if it changes) and the LDAP settings. */
interface Prepared {
  baseUrl?: string;
  secret?: string;
  settings?: PreparedLdap['settings'];
}

/** Associated data of the sealed token: a ciphertext copied to another connector row does not open. */
export function tokenContext(tenantId: string, connectorId: string): string {
  return `connector:${tenantId}:${connectorId}`;
}

@Injectable()
export class ConnectorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly outbound: OutboundHttpClient,
    private readonly secrets: SecretBox,
    private readonly audit: AuditWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tenantId: string, input: NewConnector): Promise<ConnectorEntity> {
    await this.tenants.get(tenantId);
    const prepared = await this.prepare(input.type, input, undefined);
    return this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(`SELECT gen_random_uuid() AS id`);
      await tx.insert(ConnectorEntity, tx.create(ConnectorEntity, {
        tenantId, id, type: input.type, baseUrl: prepared.baseUrl!, settings: prepared.settings ?? null,
        description: input.description ?? null, enabled: input.enabled ?? true,
        tokenSealed: this.secrets.seal(prepared.secret!, tokenContext(tenantId, id)),
      }));
      const created = await this.find(tx, tenantId, id);
      await this.audit.record(tx, { tenantId, action: 'connector.created', resourceType: 'Connector', resourceId: id, after: auditView(created) });
      return created;
    });
  }

  async list(tenantId: string): Promise<ConnectorEntity[]> {
    await this.tenants.get(tenantId);
    return this.dataSource.getRepository(ConnectorEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(tenantId: string, id: string): Promise<ConnectorEntity> {
    await this.tenants.get(tenantId);
    return this.find(this.dataSource.manager, tenantId, id);
  }

  async update(tenantId: string, id: string, changes: ConnectorChanges): Promise<ConnectorEntity> {
    const current = await this.get(tenantId, id);
    const prepared = await this.prepare(current.type, changes, current);
    return this.dataSource.transaction(async (tx) => {
      const before = await this.find(tx, tenantId, id, true);
      const set: Partial<ConnectorEntity> = { updatedAt: new Date() };
      if (prepared.baseUrl !== undefined) set.baseUrl = prepared.baseUrl;
      if (prepared.settings !== undefined) set.settings = prepared.settings;
      if (prepared.secret !== undefined) set.tokenSealed = this.secrets.seal(prepared.secret, tokenContext(tenantId, id));
      if (changes.description !== undefined) set.description = changes.description;
      if (changes.enabled !== undefined) set.enabled = changes.enabled;
      await tx.update(ConnectorEntity, { tenantId, id }, set);
      const after = await this.find(tx, tenantId, id);
      await this.audit.record(tx, {
        tenantId, action: 'connector.updated', resourceType: 'Connector', resourceId: id, before: auditView(before), after: auditView(after),
        summary: changes.token !== undefined ? 'token replaced' : changes.bindPassword !== undefined ? 'bind password replaced' : undefined,
      });
      return after;
    });
  }

  /** Its id mappings, syncs and resync runs go with it; the store's data is left as it is. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.tenants.get(tenantId);
    await this.dataSource.transaction(async (tx) => {
      const before = await this.find(tx, tenantId, id, true);
      await tx.delete(ConnectorEntity, { tenantId, id });
      await this.audit.record(tx, { tenantId, action: 'connector.deleted', resourceType: 'Connector', resourceId: id, before: auditView(before) });
    });
  }

  /** The store's bearer token in usable form, for the sync processors only. */
  async tokenOf(tenantId: string, id: string): Promise<string> {
    const row = await this.dataSource.getRepository(ConnectorEntity).findOne({
      where: { tenantId, id },
      select: { tenantId: true, id: true, tokenSealed: true },
    });
    if (!row) throw new ConnectorNotFoundError(id);
    return this.secrets.open(row.tokenSealed, tokenContext(tenantId, id));
  }

  /** An LDAP connector's configuration with its bind password in usable form, for the sync processors only. */
  async ldapTargetOf(tenantId: string, id: string): Promise<LdapTarget> {
    const row = await this.dataSource.getRepository(ConnectorEntity).findOne({
      where: { tenantId, id },
      select: { tenantId: true, id: true, baseUrl: true, settings: true, tokenSealed: true },
    });
    if (!row?.settings) throw new ConnectorNotFoundError(id);
    return { ...row.settings, url: row.baseUrl, bindPassword: this.secrets.open(row.tokenSealed, tokenContext(tenantId, id)) };
  }

  /**
   * Checks what a create or change brings for this type: the SCIM base URL against the SSRF policy, or the
   * whole LDAP configuration (merged over the current one) by binding with it.
   */
  private async prepare(type: ConnectorType, input: ConnectorChanges, current: ConnectorEntity | undefined): Promise<Prepared> {
    const policy = this.outbound.policy;
    const ldapGiven = LDAP_FIELDS.filter((field) => input[field] !== undefined);
    if (type === 'scim' && ldapGiven.length > 0) throw new BadRequestError(`${ldapGiven.join(', ')}: only for ldap connectors`);
    if (type === 'ldap' && (input.baseUrl !== undefined || input.token !== undefined)) {
      throw new BadRequestError('baseUrl and token are for scim connectors; an ldap connector takes url and bindPassword');
    }
    if (type === 'scim') {
      if (!current && (input.baseUrl === undefined || input.token === undefined)) throw new OutboundTargetError('A scim connector needs baseUrl and token');
      return { baseUrl: input.baseUrl === undefined ? undefined : await checkBaseUrl(input.baseUrl, policy), secret: input.token };
    }
    if (current && ldapGiven.length === 0) return {};
    const existing = current ? await this.ldapTargetOf(current.tenantId, current.id) : undefined;
    const prepared = await prepareLdap(input, existing && { url: existing.url, settings: current!.settings!, bindPassword: existing.bindPassword }, policy, this.config.outboundTimeoutMs);
    return { baseUrl: prepared.url, settings: prepared.settings, secret: input.bindPassword ?? (current ? undefined : prepared.bindPassword) };
  }

  private async find(tx: EntityManager, tenantId: string, id: string, lock = false): Promise<ConnectorEntity> {
    const connector = isUuid(id)
      ? await tx.findOne(ConnectorEntity, { where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!connector) throw new ConnectorNotFoundError(id);
    return connector;
  }
}

/**
 * SSRF policy at configuration time (the client checks again on every connection), and a plain base: paths
 * are appended to it, so a query or fragment would swallow them. `…/scim/v2/` and `…/scim/v2` are the same base.
 */
async function checkBaseUrl(raw: string, policy: AddressPolicy): Promise<string> {
  const url = await checkTargetUrl(raw, policy);
  if (url.search || url.hash) throw new OutboundTargetError('baseUrl must not contain a query or fragment');
  return url.toString().replace(/\/+$/, '');
}

/** What the audit log keeps of a connector: never the token or bind password. */
function auditView(connector: ConnectorEntity): object {
  const ldap = connector.settings ? { ...connector.settings, caCertificate: connector.settings.caCertificate ? '(set)' : null } : {};
  return { type: connector.type, baseUrl: connector.baseUrl, ...ldap, description: connector.description, enabled: connector.enabled };
}
