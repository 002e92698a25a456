import { TenantEntity } from '../tenants/tenant.entity';
import { withDefaults } from '../tenants/tenant-settings';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import { OAuthClientView } from '../oauth/oauth-clients.service';
import { TenantResponseDto } from './tenant.dto';
import { TokenResponseDto as TokenDto } from './token.dto';

export const SCIM_BASE_PATH = '/scim/v2';

export function toTenantResponse(tenant: TenantEntity, baseUrl: string): TenantResponseDto {
  return {
    id: tenant.id,
    name: tenant.name,
    status: tenant.status,
    createdAt: tenant.createdAt.toISOString(),
    scimBaseUrl: `${baseUrl}${SCIM_BASE_PATH}`,
    settings: withDefaults(tenant.settings),
  };
}

export function toTokenResponse(token: ApiTokenEntity, secret?: string): TokenDto {
  return {
    id: token.id,
    ...(secret ? { token: secret } : {}),
    prefix: token.prefix,
    description: token.description,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

export function toOAuthClientResponse({ client, secrets }: OAuthClientView) {
  return {
    id: client.id,
    clientId: client.clientId,
    description: client.description,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    secrets: secrets.map((s) => ({
      id: s.id,
      prefix: s.prefix,
      expiresAt: s.expiresAt.toISOString(),
      createdAt: s.createdAt.toISOString(),
      revokedAt: s.revokedAt?.toISOString() ?? null,
    })),
  };
}
