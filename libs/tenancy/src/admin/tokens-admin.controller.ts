import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiTokensService } from '../tokens/api-tokens.service';
import { AdminApi } from '@provisio/admin';
import { toTokenResponse } from './admin-mappers';
import { CreateTokenDto, TokenResponseDto } from './token.dto';
import { BadRequestError } from '@provisio/observability';

@AdminApi('Admin: SCIM tokens')
@Controller('admin/v1/tenants/:tenantId/tokens')
export class TokensAdminController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiOperation({ summary: 'Create a long-lived SCIM bearer token; the secret is returned only in this response' })
  @ApiCreatedResponse({ type: TokenResponseDto })
  async create(@Param('tenantId') tenantId: string, @Body() body: CreateTokenDto): Promise<TokenResponseDto> {
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : undefined;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new BadRequestError('expiresAt must be in the future');
    const issued = await this.tokens.createStatic(tenantId, body.description, expiresAt);
    return toTokenResponse(issued.entity, issued.token);
  }

  @Get()
  @ApiOperation({ summary: 'List SCIM tokens (prefixes only, never secrets)' })
  @ApiOkResponse({ type: [TokenResponseDto] })
  async list(@Param('tenantId') tenantId: string): Promise<TokenResponseDto[]> {
    return (await this.tokens.list(tenantId)).map((token) => toTokenResponse(token));
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a SCIM token; it stops working at once' })
  @ApiNoContentResponse()
  async revoke(@Param('tenantId') tenantId: string, @Param('tokenId') tokenId: string): Promise<void> {
    await this.tokens.revoke(tenantId, tokenId);
  }
}
