import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { isUuid } from '@provisio/database';
import { NotFoundError } from '@provisio/observability';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TokenCache } from '../auth/token-cache';
import { TenantsService } from '../tenants/tenants.service';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import { generateSecret } from '../tokens/secrets';
import { OAuthClientSecretEntity } from './oauth-client-secret.entity';
import { OAuthClientEntity } from './oauth-client.entity';

export const CLIENT_SECRET_MARKER = 'cs_';
const DAY_MS = 86_400_000;

export interface IssuedClientSecret {
  secret: OAuthClientSecretEntity;
  clientSecret: string;
}

export interface OAuthClientView {
  client: OAuthClientEntity;
  secrets: OAuthClientSecretEntity[];
}

@Injectable()
export class OAuthClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsService,
    private readonly audit: AuditWriter,
    private readonly tokenCache: TokenCache,
  ) {}

  create(tenantId: string, description?: string): Promise<{ client: OAuthClientEntity } & IssuedClientSecret> {
    return this.dataSource.transaction(async (tx) => {
      await this.tenants.get(tenantId, tx);
      const client = tx.create(OAuthClientEntity, {
        tenantId,
        clientId: `prv_${randomBytes(12).toString('hex')}`,
        description: description ?? null,
        createdAt: new Date(),
        revokedAt: null,
      });
      await tx.insert(OAuthClientEntity, client);
      const issued = await this.insertSecret(tx, client);
      await this.audit.record(tx, { ...clientAudit(client), action: 'oauth_client.created', after: { ...clientState(client), ...secretState(issued.secret) } });
      return { client, ...issued };
    });
  }

  /** Rotation: a new secret next to the live ones; the old one keeps working until it is revoked or expires. */
  addSecret(tenantId: string, clientId: string): Promise<IssuedClientSecret> {
    return this.dataSource.transaction(async (tx) => {
      const client = await this.findLive(tx, tenantId, clientId);
      const issued = await this.insertSecret(tx, client);
      await this.audit.record(tx, { ...clientAudit(client), action: 'oauth_client.secret_added', after: secretState(issued.secret) });
      return issued;
    });
  }

  async revokeSecret(tenantId: string, clientId: string, secretId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const client = await this.findLive(tx, tenantId, clientId);
      const result = isUuid(secretId)
        ? await tx.update(OAuthClientSecretEntity, { tenantId, oauthClientId: client.id, id: secretId, revokedAt: IsNull() }, { revokedAt: new Date() })
        : { affected: 0 };
      if (!result.affected) throw new NotFoundError(`Live secret ${secretId} not found`);
      await this.audit.record(tx, { ...clientAudit(client), action: 'oauth_client.secret_revoked', after: { revokedClientSecretId: secretId } });
    });
  }

  async list(tenantId: string): Promise<OAuthClientView[]> {
    await this.tenants.get(tenantId);
    const clients = await this.dataSource.getRepository(OAuthClientEntity).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
    const secrets = await this.dataSource.getRepository(OAuthClientSecretEntity).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
    return clients.map((client) => ({ client, secrets: secrets.filter((s) => s.oauthClientId === client.id) }));
  }

  /**
   * Revoking a client also revokes every access token it was issued: refused at once by this API process, by
   * the others within SCIM_TOKEN_CACHE_SECONDS (TokenCache).
   */
  async revoke(tenantId: string, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const client = await this.findLive(tx, tenantId, clientId);
      const now = new Date();
      await tx.update(OAuthClientEntity, { tenantId, id: client.id }, { revokedAt: now });
      const tokens = await tx.update(ApiTokenEntity, { tenantId, oauthClientId: client.id, revokedAt: IsNull() }, { revokedAt: now });
      await this.audit.record(tx, {
        ...clientAudit(client), action: 'oauth_client.revoked', before: clientState(client), after: clientState({ ...client, revokedAt: now }),
        summary: `revoked with ${tokens.affected ?? 0} live access token(s)`,
      });
    });
    this.tokenCache.invalidate();
  }

  private async findLive(tx: EntityManager, tenantId: string, clientId: string): Promise<OAuthClientEntity> {
    await this.tenants.get(tenantId, tx);
    const client = await tx.findOneBy(OAuthClientEntity, { tenantId, clientId, revokedAt: IsNull() });
    if (!client) throw new NotFoundError(`OAuth client ${clientId} not found`);
    return client;
  }

  private async insertSecret(tx: EntityManager, client: OAuthClientEntity): Promise<IssuedClientSecret> {
    const { secret, prefix, hash } = generateSecret(CLIENT_SECRET_MARKER);
    const entity = tx.create(OAuthClientSecretEntity, {
      tenantId: client.tenantId,
      oauthClientId: client.id,
      prefix,
      secretHash: hash,
      expiresAt: new Date(Date.now() + this.config.oauthClientSecretTtlDays * DAY_MS),
      createdAt: new Date(),
      revokedAt: null,
    });
    await tx.insert(OAuthClientSecretEntity, entity);
    return { secret: entity, clientSecret: secret };
  }
}

function clientAudit(client: OAuthClientEntity) {
  return { tenantId: client.tenantId, resourceType: 'OAuthClient', resourceId: client.id, resourceName: client.clientId };
}

function clientState(client: OAuthClientEntity): object {
  return { clientId: client.clientId, description: client.description, revokedAt: client.revokedAt };
}

/** What an audit event shows of a client secret: its id and prefix, never the secret or its hash. */
function secretState(secret: OAuthClientSecretEntity): object {
  return { clientSecretId: secret.id, clientSecretPrefix: secret.prefix, clientSecretExpiresAt: secret.expiresAt };
}
