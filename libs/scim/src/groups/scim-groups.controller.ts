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
import { ScimGroupsService } from './scim-groups.service';
import { ScimDocs } from '../openapi/scim-api-docs';
import { GROUP_EXAMPLES, GROUP_PATCH_EXAMPLES, GROUP_REPLACE_EXAMPLES, GROUP_SEARCH_EXAMPLES } from '../openapi/request-examples';

type Query = Record<string, unknown>;

/** /Groups (RFC 7644 §3.2) under /scim/v2 and /scim. */
@ApiTags('SCIM Groups')
@ApiBearerAuth('scim-token')
@Controller(scimRoutes('Groups'))
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class ScimGroupsController {
  constructor(
    private readonly groups: ScimGroupsService,
    @Inject(SCIM_LIMITS) private readonly limits: ScimLimits,
  ) {}

  /** Entra: `?excludedAttributes=members&filter=displayName eq "…"` never reads the membership table. */
  @ScimDocs.list('Group')
  @Get()
  async list(@CurrentScim() ctx: ScimContext, @ScimQuery() query: Query, @Res() res: Response): Promise<void> {
    const projection = requestedProjection('Group', query.attributes, query.excludedAttributes).projection;
    sendJson(res, 200, await this.groups.list(ctx, readListRequest(query, this.limits.paging), projection));
  }

  @ScimDocs.search('Group', GROUP_SEARCH_EXAMPLES)
  @Post('.search')
  @HttpCode(200)
  async search(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @Res() res: Response): Promise<void> {
    const request = readSearchBody(body);
    const projection = requestedProjection('Group', request.attributes, request.excludedAttributes).projection;
    sendJson(res, 200, await this.groups.list(ctx, readListRequest(request, this.limits.paging), projection));
  }

  @ScimDocs.get('Group')
  @Get(':id')
  async get(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimQuery() query: Query,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const served = await this.groups.get(ctx, id, requestedProjection('Group', query.attributes, query.excludedAttributes).projection);
    if (matchesIfNoneMatch(ifNoneMatch, served.version)) return sendEmpty(res, 304, { ETag: weakEtag(served.version) });
    sendResource(res, 200, served);
  }

  @ScimDocs.create('Group', GROUP_EXAMPLES)
  @Post()
  async create(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @ScimQuery() query: Query, @Res() res: Response): Promise<void> {
    const projection = requestedProjection('Group', query.attributes, query.excludedAttributes).projection;
    sendResource(res, 201, await this.groups.create(ctx, body, projection));
  }

  @ScimDocs.replace('Group', GROUP_REPLACE_EXAMPLES)
  @Put(':id')
  async replace(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimBody() body: unknown,
    @ScimQuery() query: Query,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const projection = requestedProjection('Group', query.attributes, query.excludedAttributes).projection;
    sendResource(res, 200, await this.groups.replace(ctx, id, body, projection, ifMatch));
  }

  /**
   * 204 without a body (Entra: "returning a body with a list of all the members isn't advisable";
   * RFC 7644 §3.5.2 allows it), 200 with the projected group when attributes or excludedAttributes
   * is given (§3.5.2: MUST return the resource then).
   */
  @ScimDocs.patch('Group', GROUP_PATCH_EXAMPLES)
  @Patch(':id')
  async patch(
    @CurrentScim() ctx: ScimContext,
    @Param('id') id: string,
    @ScimBody() body: unknown,
    @ScimQuery() query: Query,
    @Headers('if-match') ifMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const requested = requestedProjection('Group', query.attributes, query.excludedAttributes);
    const result = await this.groups.patch(ctx, id, body, requested.requested ? requested.projection : undefined, ifMatch);
    if (result.served) return sendResource(res, 200, result.served);
    sendEmpty(res, 204, { ETag: weakEtag(result.version) });
  }

  @ScimDocs.delete('Group')
  @Delete(':id')
  async delete(@CurrentScim() ctx: ScimContext, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined, @Res() res: Response): Promise<void> {
    await this.groups.delete(ctx, id, ifMatch);
    sendEmpty(res, 204);
  }
}
