import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { isUuid } from '@provisio/database';
import { AddressPolicy, checkTargetUrl, OutboundHttpClient, OutboundTargetError, SecretBox } from '@provisio/outbound';
import { TenantsService } from '@provisio/tenancy';
import { DataSource, EntityManager } from 'typeorm';
import { ConnectorEntity, ConnectorType } from './connector.entity';
import { ConnectorNotFoundError } from './connector-errors';

export interface NewConnector {
  type: ConnectorType;
  baseUrl: string;
  token: string;
  description?: string | null;
  enabled?: boolean;
}

export type ConnectorChanges = Partial<Omit<NewConnector, 'type'>>;

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
  ) {}

  async create(tenantId: string, input: NewConnector): Promise<ConnectorEntity> {
    await this.tenants.get(tenantId);
    const baseUrl = await checkBaseUrl(input.baseUrl, this.outbound.policy);
    return this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(`SELECT gen_random_uuid() AS id`);
      await tx.insert(ConnectorEntity, tx.create(ConnectorEntity, {
        tenantId, id, type: input.type, baseUrl, description: input.description ?? null, enabled: input.enabled ?? true,
        tokenSealed: this.secrets.seal(input.token, tokenContext(tenantId, id)),
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
    await this.tenants.get(tenantId);
    const baseUrl = changes.baseUrl === undefined ? undefined : await checkBaseUrl(changes.baseUrl, this.outbound.policy);
    return this.dataSource.transaction(async (tx) => {
      const before = await this.find(tx, tenantId, id, true);
      const set: Partial<ConnectorEntity> = { updatedAt: new Date() };
      if (baseUrl !== undefined) set.baseUrl = baseUrl;
      if (changes.token !== undefined) set.tokenSealed = this.secrets.seal(changes.token, tokenContext(tenantId, id));
      if (changes.description !== undefined) set.description = changes.description;
      if (changes.enabled !== undefined) set.enabled = changes.enabled;
      await tx.update(ConnectorEntity, { tenantId, id }, set);
      const after = await this.find(tx, tenantId, id);
      await this.audit.record(tx, {
        tenantId, action: 'connector.updated', resourceType: 'Connector', resourceId: id, before: auditView(before), after: auditView(after),
        summary: changes.token !== undefined ? 'token replaced' : undefined,
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

/** What the audit log keeps of a connector: never the token. */
function auditView(connector: ConnectorEntity): object {
  return { type: connector.type, baseUrl: connector.baseUrl, description: connector.description, enabled: connector.enabled };
}
