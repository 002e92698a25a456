import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { OAuthClientsService } from '../oauth/oauth-clients.service';
import { AdminApi } from '@provisio/admin';
import { toOAuthClientResponse } from './admin-mappers';
import { CreatedOAuthClientDto, CreatedOAuthSecretDto, CreateOAuthClientDto, OAuthClientDto } from './token.dto';

const CREATED_EXAMPLE = {
  id: '0b7c…',
  clientId: 'prv_4f1c…',
  clientSecret: 'cs_Q2x…',
  secretId: '9e1a…',
  expiresAt: '2028-11-23T09:00:00.000Z',
  createdAt: '2026-11-23T09:00:00.000Z',
};

@AdminApi('Admin: OAuth clients')
@Controller('admin/v1/tenants/:tenantId/oauth-clients')
export class OAuthClientsAdminController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an OAuth 2.0 client (client credentials); the secret is returned only here' })
  @ApiCreatedResponse({ type: CreatedOAuthClientDto, example: CREATED_EXAMPLE })
  async create(@Param('tenantId') tenantId: string, @Body() body: CreateOAuthClientDto): Promise<CreatedOAuthClientDto> {
    const { client, secret, clientSecret } = await this.clients.create(tenantId, body.description);
    return {
      id: client.id,
      clientId: client.clientId,
      clientSecret,
      secretId: secret.id,
      expiresAt: secret.expiresAt.toISOString(),
      createdAt: client.createdAt.toISOString(),
    };
  }

  @Get()
  @ApiOperation({ summary: 'List OAuth clients with their secrets’ prefixes and expiry (never the secrets)' })
  @ApiOkResponse({ type: [OAuthClientDto] })
  async list(@Param('tenantId') tenantId: string): Promise<OAuthClientDto[]> {
    return (await this.clients.list(tenantId)).map(toOAuthClientResponse);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a client, its secrets and every access token it was issued' })
  @ApiNoContentResponse()
  async revoke(@Param('tenantId') tenantId: string, @Param('clientId') clientId: string): Promise<void> {
    await this.clients.revoke(tenantId, clientId);
  }

  @Post(':clientId/secrets')
  @ApiOperation({ summary: 'Rotate: add a new secret while the current ones keep working' })
  @ApiCreatedResponse({ type: CreatedOAuthSecretDto })
  async addSecret(@Param('tenantId') tenantId: string, @Param('clientId') clientId: string): Promise<CreatedOAuthSecretDto> {
    const { secret, clientSecret } = await this.clients.addSecret(tenantId, clientId);
    return { secretId: secret.id, clientSecret, prefix: secret.prefix, expiresAt: secret.expiresAt.toISOString(), createdAt: secret.createdAt.toISOString() };
  }

  @Delete(':clientId/secrets/:secretId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one secret of a client (finish a rotation)' })
  async revokeSecret(@Param('tenantId') tenantId: string, @Param('clientId') clientId: string, @Param('secretId') secretId: string) {
    await this.clients.revokeSecret(tenantId, clientId, secretId);
  }
}
