import { Controller, Delete, Get, Headers, HttpCode, Inject, Param, Patch, Post, Put, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScimBearerGuard } from '@provisio/tenancy';
import type { Response } from 'express';
import { matchesIfNoneMatch, weakEtag } from '../http/etag';
import { requestedProjection } from '../http/projection-request';
import { CurrentScim, ScimBody, ScimContext, ScimQuery } from '../http/scim-context';
import { ScimHttpInterceptor } from '../http/scim-http.interceptor';
import { SCIM_LIMITS, ScimLimits } from '../http/scim-limits';
import { sendEmpty, sendJson, sendResource } from '../http/scim-reply';
import { scimRoutes } from '../http/scim-routes';
import { readListRequest } from '../paging/list-request';
import { readSearchBody } from '../search/search-request';
import { ScimUsersService } from './scim-users.service';
import { ScimDocs } from '../openapi/scim-api-docs';
import { SEARCH_EXAMPLES, USER_EXAMPLES, USER_PATCH_EXAMPLES, USER_REPLACE_EXAMPLES } from '../openapi/request-examples';

type Query = Record<string, unknown>;

/** /Users (RFC 7644 §3.2) under /scim/v2 and /scim. */
@ApiTags('SCIM Users')
@ApiBearerAuth('scim-token')
@Controller(scimRoutes('Users'))
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class ScimUsersController {
  constructor(
    private readonly users: ScimUsersService,
    @Inject(SCIM_LIMITS) private readonly limits: ScimLimits,
  ) {}

  @ScimDocs.list('User')
  @Get()
  async list(@CurrentScim() ctx: ScimContext, @ScimQuery() query: Query, @Res() res: Response): Promise<void> {
    const projection = requestedProjection('User', query.attributes, query.excludedAttributes).projection;
    sendJson(res, 200, await this.users.list(ctx, readListRequest(query, this.limits.paging), projection));
  }

  /** RFC 7644 §3.4.3: a SearchRequest body instead of query parameters. */
  @ScimDocs.search('User', SEARCH_EXAMPLES)
  @Post('.search')
  @HttpCode(200)
  async search(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @Res() res: Response): Promise<void> {
    const request = readSearchBody(body);
    const projection = requestedProjection('User', request.attributes, request.excludedAttributes).projection;
    sendJson(res, 200, await this.users.list(ctx, readListRequest(request, this.limits.paging), projection));
  }

  @ScimDocs.get('User')
  @Get(':id')
  async get(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimQuery() query: Query,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const served = await this.users.get(ctx, id, requestedProjection('User', query.attributes, query.excludedAttributes).projection);
    if (matchesIfNoneMatch(ifNoneMatch, served.version)) return sendEmpty(res, 304, { ETag: weakEtag(served.version) });
    sendResource(res, 200, served);
  }

  @ScimDocs.create('User', USER_EXAMPLES)
  @Post()
  async create(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @ScimQuery() query: Query, @Res() res: Response): Promise<void> {
    const projection = requestedProjection('User', query.attributes, query.excludedAttributes).projection;
    sendResource(res, 201, await this.users.create(ctx, body, projection));
  }

  @ScimDocs.replace('User', USER_REPLACE_EXAMPLES)
  @Put(':id')
  async replace(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimBody() body: unknown,
    @ScimQuery() query: Query,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const projection = requestedProjection('User', query.attributes, query.excludedAttributes).projection;
    sendResource(res, 200, await this.users.replace(ctx, id, body, projection, { ifMatch }));
  }

  /** Answers 200 with the user (Okta reads it; RFC 7644 §3.5.2 allows 200 or 204). */
  @ScimDocs.patch('User', USER_PATCH_EXAMPLES)
  @Patch(':id')
  async patch(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimBody() body: unknown,
    @ScimQuery() query: Query,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const projection = requestedProjection('User', query.attributes, query.excludedAttributes).projection;
    sendResource(res, 200, await this.users.patch(ctx, id, body, projection, { ifMatch }));
  }

  @ScimDocs.delete('User')
  @Delete(':id')
  async delete(@CurrentScim() ctx: ScimContext, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res() res: Response): Promise<void> {
    await this.users.delete(ctx, id, { ifMatch });
    sendEmpty(res, 204);
  }
}
