import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@provisio/database';
import { AuditWriter } from '@provisio/audit';
import { OutboundHttpClient, SecretBox, checkTargetUrl } from '@provisio/outbound';
import { TenantsService } from '@provisio/tenancy';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookNotFoundError } from './webhook-errors';
import { generateWebhookSecret, secretContext, validateWebhookSecret } from './webhook-secret';

export interface NewWebhook {
  url: string;
  eventTypes?: string[] | null;
  secret?: string;
  description?: string | null;
  enabled?: boolean;
}

export type WebhookChanges = Partial<Omit<NewWebhook, 'secret'>>;

export interface CreatedWebhook {
  endpoint: WebhookEndpointEntity;
  /** Returned to the caller once; only the sealed form is stored. */
  secret: string;
}

@Injectable()
export class WebhookEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly outbound: OutboundHttpClient,
    private readonly secrets: SecretBox,
    private readonly audit: AuditWriter,
  ) {}

  async create(tenantId: string, input: NewWebhook): Promise<CreatedWebhook> {
    await this.tenants.get(tenantId);
    await checkTargetUrl(input.url, this.outbound.policy);
    const secret = input.secret ? validateWebhookSecret(input.secret) : generateWebhookSecret();
    return this.dataSource.transaction(async (tx) => {
      const [{ id }] = await tx.query(`SELECT gen_random_uuid() AS id`);
      const endpoint = tx.create(WebhookEndpointEntity, {
        tenantId,
        id,
        url: input.url,
        eventTypes: input.eventTypes ?? null,
        description: input.description ?? null,
        enabled: input.enabled ?? true,
        secretSealed: this.secrets.seal(secret, secretContext(tenantId, id)),
      });
      await tx.insert(WebhookEndpointEntity, endpoint);
      const created = await this.find(tx, tenantId, id);
      await this.audit.record(tx, { tenantId, action: 'webhook.created', resourceType: 'Webhook', resourceId: id, after: auditView(created) });
      return { endpoint: created, secret };
    });
  }

  async list(tenantId: string): Promise<WebhookEndpointEntity[]> {
    await this.tenants.get(tenantId);
    return this.dataSource.getRepository(WebhookEndpointEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async get(tenantId: string, id: string): Promise<WebhookEndpointEntity> {
    await this.tenants.get(tenantId);
    return this.find(this.dataSource.manager, tenantId, id);
  }

  async update(tenantId: string, id: string, changes: WebhookChanges): Promise<WebhookEndpointEntity> {
    await this.tenants.get(tenantId);
    if (changes.url !== undefined) await checkTargetUrl(changes.url, this.outbound.policy);
    return this.dataSource.transaction(async (tx) => {
      const endpoint = await this.find(tx, tenantId, id, true);
      const set: Partial<WebhookEndpointEntity> = { updatedAt: new Date() };
      if (changes.url !== undefined) set.url = changes.url;
      if (changes.eventTypes !== undefined) set.eventTypes = changes.eventTypes;
      if (changes.description !== undefined) set.description = changes.description;
      if (changes.enabled !== undefined) set.enabled = changes.enabled;
      // Re-enabling after an automatic disable starts a fresh count of dead deliveries.
      if (changes.enabled === true && !endpoint.enabled) Object.assign(set, { disabledReason: null, disabledAt: null, consecutiveDead: 0 });
      if (changes.enabled === false && endpoint.enabled) Object.assign(set, { disabledReason: 'disabled by an administrator', disabledAt: new Date() });
      await tx.update(WebhookEndpointEntity, { tenantId, id }, set);
      const updated = await this.find(tx, tenantId, id);
      await this.audit.record(tx, {
        tenantId, action: 'webhook.updated', resourceType: 'Webhook', resourceId: id, before: auditView(endpoint), after: auditView(updated),
      });
      return updated;
    });
  }

  /** Its deliveries and their attempt log go with it (ON DELETE CASCADE). */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.tenants.get(tenantId);
    await this.dataSource.transaction(async (tx) => {
      const endpoint = await this.find(tx, tenantId, id, true);
      await tx.delete(WebhookEndpointEntity, { tenantId, id });
      await this.audit.record(tx, { tenantId, action: 'webhook.deleted', resourceType: 'Webhook', resourceId: id, before: auditView(endpoint) });
    });
  }

  /** The signing secret in usable form, for the delivery processor only. */
  async secretOf(tenantId: string, id: string): Promise<string> {
    const row = await this.dataSource.getRepository(WebhookEndpointEntity).findOne({
      where: { tenantId, id },
      select: { tenantId: true, id: true, secretSealed: true },
    });
    if (!row) throw new WebhookNotFoundError(id);
    return this.secrets.open(row.secretSealed, secretContext(tenantId, id));
  }

  private async find(tx: EntityManager, tenantId: string, id: string, lock = false): Promise<WebhookEndpointEntity> {
    const endpoint = isUuid(id)
      ? await tx.findOne(WebhookEndpointEntity, { where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!endpoint) throw new WebhookNotFoundError(id);
    return endpoint;
  }
}

/** What the audit log keeps of an endpoint: never the secret. */
function auditView(endpoint: WebhookEndpointEntity): object {
  return { url: endpoint.url, eventTypes: endpoint.eventTypes, description: endpoint.description, enabled: endpoint.enabled };
}
