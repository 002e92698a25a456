import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '@provisio/admin';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@provisio/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OAuthClientsAdminController } from './admin/oauth-clients-admin.controller';
import { OperatorKeysAdminController } from './admin/operator-keys-admin.controller';
import { ScimActivityAdminController } from './admin/scim-activity-admin.controller';
import { ScimRequestRecorder } from './activity/scim-request-recorder';
import { TenantsAdminController } from './admin/tenants-admin.controller';
import { TokensAdminController } from './admin/tokens-admin.controller';
import { BearerAuthenticator } from './auth/bearer-authenticator.service';
import { ScimBearerGuard } from './auth/scim-bearer.guard';
import { ScimBearerStrategy } from './auth/scim-bearer.strategy';
import { TokenCache } from './auth/token-cache';
import { OAuthClientSecretEntity } from './oauth/oauth-client-secret.entity';
import { OAuthClientEntity } from './oauth/oauth-client.entity';
import { OAuthClientsService } from './oauth/oauth-clients.service';
import { OAuthTokenController } from './oauth/oauth-token.controller';
import { OperatorKeyEntity } from './operators/operator-key.entity';
import { OperatorKeysService } from './operators/operator-keys.service';
import { TokenEndpointService } from './oauth/token-endpoint.service';
import { TokenRequestThrottlerModule } from './oauth/token-request-limits';
import { TenantEntity } from './tenants/tenant.entity';
import { TenantsService } from './tenants/tenants.service';
import { ApiTokenEntity } from './tokens/api-token.entity';
import { ApiTokensService } from './tokens/api-tokens.service';

@Module({
  imports: [
    AuditModule,
    PassportModule,
    TypeOrmModule.forFeature([TenantEntity, ApiTokenEntity, OAuthClientEntity, OAuthClientSecretEntity, OperatorKeyEntity]),
    TokenRequestThrottlerModule,
  ],
  controllers: [TenantsAdminController, TokensAdminController, OAuthClientsAdminController, OperatorKeysAdminController, ScimActivityAdminController, OAuthTokenController],
  providers: [
    TenantsService,
    ApiTokensService,
    OAuthClientsService,
    OperatorKeysService,
    ScimRequestRecorder,
    TokenEndpointService,
    BearerAuthenticator,
    TokenCache,
    ScimBearerStrategy,
    ScimBearerGuard,
    AdminTokenGuard,
  ],
  exports: [TenantsService, ApiTokensService, OAuthClientsService, OperatorKeysService, ScimBearerGuard, ScimBearerStrategy, ScimRequestRecorder, AdminTokenGuard, BearerAuthenticator],
})
export class TenancyModule {}
