import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { isUuid } from '@provisio/database';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { TokenCache } from '../auth/token-cache';
import { TenantsService } from '../tenants/tenants.service';
import { NotFoundError } from '@provisio/observability';
import { ApiTokenEntity } from './api-token.entity';
import { generateSecret, hashSecret } from './secrets';
import { withTenantRoute } from './tenant-route';

export const STATIC_TOKEN_MARKER = 'scim_';
export const ACCESS_TOKEN_MARKER = 'pat_';

export interface IssuedToken {
  entity: ApiTokenEntity;
  /** The bearer secret: returned to the caller once and never stored. */
  token: string;
}

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditWriter,
    private readonly tokenCache: TokenCache,
  ) {}

  /** A long-lived SCIM token for IdPs that take a static secret (Okta, Entra non-gallery apps). */
  createStatic(tenantId: string, description?: string, expiresAt?: Date): Promise<IssuedToken> {
    return this.dataSource.transaction(async (tx) => {
      await this.tenants.get(tenantId, tx);
      const issued = await this.insert(tx, { tenantId, kind: 'static', description: description ?? null, expiresAt: expiresAt ?? null });
      await this.audit.record(tx, { ...tokenAudit(issued.entity), action: 'token.created', after: tokenState(issued.entity) });
      return issued;
    });
  }

  /** A short-lived access token issued by POST /oauth/token to one OAuth client. */
  issueAccessToken(tx: EntityManager, tenantId: string, oauthClientId: string, ttlSeconds: number): Promise<IssuedToken> {
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    return this.insert(tx, { tenantId, kind: 'oauth', oauthClientId, description: null, expiresAt });
  }

  async list(tenantId: string): Promise<ApiTokenEntity[]> {
    await this.tenants.get(tenantId);
    return this.dataSource.getRepository(ApiTokenEntity).find({
      where: { tenantId, kind: 'static' },
      order: { createdAt: 'ASC' },
    });
  }

  /** Refused at once by this API process, by the others within SCIM_TOKEN_CACHE_SECONDS (TokenCache). */
  async revoke(tenantId: string, tokenId: string): Promise<ApiTokenEntity> {
    const revoked = await this.dataSource.transaction(async (tx) => {
      await this.tenants.get(tenantId, tx);
      const token = isUuid(tokenId) ? await tx.findOneBy(ApiTokenEntity, { tenantId, id: tokenId, kind: 'static' }) : null;
      if (!token) throw new NotFoundError(`Token ${tokenId} not found`);
      if (!token.revokedAt) {
        const before = tokenState(token);
        await tx.update(ApiTokenEntity, { tenantId, id: tokenId, revokedAt: IsNull() }, { revokedAt: new Date() });
        token.revokedAt = new Date();
        await this.audit.record(tx, { ...tokenAudit(token), action: 'token.revoked', before, after: tokenState(token) });
      }
      return token;
    });
    this.tokenCache.invalidate();
    return revoked;
  }

  private async insert(tx: EntityManager, fields: Partial<ApiTokenEntity>): Promise<IssuedToken> {
    const marker = fields.kind === 'oauth' ? ACCESS_TOKEN_MARKER : STATIC_TOKEN_MARKER;
    const { secret, prefix } = generateSecret(marker);
    const token = withTenantRoute(secret, fields.tenantId!);
    const entity = tx.create(ApiTokenEntity, { ...fields, prefix, tokenHash: hashSecret(token), createdAt: new Date() });
    await tx.insert(ApiTokenEntity, entity);
    return { entity, token };
  }
}

function tokenAudit(token: ApiTokenEntity) {
  return { tenantId: token.tenantId, resourceType: 'Token', resourceId: token.id, resourceName: token.prefix };
}

/** What an audit event shows of a token: never its secret or hash. */
function tokenState(token: ApiTokenEntity): object {
  return { prefix: token.prefix, description: token.description, expiresAt: token.expiresAt, revokedAt: token.revokedAt };
}
