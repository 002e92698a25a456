import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { readClientCredentials } from './client-credentials';
import { OAuthError } from './oauth-error';
import { OAuthErrorFilter } from './oauth-error.filter';
import { AccessTokenResponse, TokenEndpointService } from './token-endpoint.service';
import { TokenRequestGuard } from './token-request.guard';

@ApiTags('OAuth')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
@UseGuards(TokenRequestGuard)
export class OAuthTokenController {
  constructor(private readonly endpoint: TokenEndpointService) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Client credentials grant (RFC 6749 §4.4): exchange a client id and secret for a SCIM access token' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', example: 'client_credentials' },
        client_id: { type: 'string', description: 'client_secret_post only' },
        client_secret: { type: 'string', description: 'client_secret_post only' },
        scope: { type: 'string', example: 'scim' },
      },
    },
  })
  @ApiOkResponse({ schema: { example: { access_token: 'pat_…', token_type: 'Bearer', expires_in: 3600 } } })
  @ApiTooManyRequestsResponse({ description: 'More than 10 requests a minute for one client id, or 300 from one address; see Retry-After' })
  async token(
    @Headers('authorization') authorization: string | undefined,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessTokenResponse> {
    if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded (RFC 6749 §4.4.2)');
    }
    const form = body ?? {};
    if (form.grant_type !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
    }
    const credentials = readClientCredentials(authorization, form);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    return this.endpoint.clientCredentials(credentials);
  }
}
