import { Controller, HttpCode, Inject, Post, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScimBearerGuard } from '@provisio/tenancy';
import type { Response } from 'express';
import { CurrentScim, ScimBody, ScimContext } from '../http/scim-context';
import { ScimHttpInterceptor } from '../http/scim-http.interceptor';
import { SCIM_LIMITS, ScimLimits } from '../http/scim-limits';
import { sendJson } from '../http/scim-reply';
import { SCIM_BASE_PATHS } from '../http/scim-routes';
import { readListRequest } from '../paging/list-request';
import { RootSearchService } from './root-search.service';
import { readSearchBody } from './search-request';
import { ScimDocs } from '../openapi/scim-api-docs';
import { ROOT_SEARCH_EXAMPLES } from '../openapi/request-examples';

@ApiTags('SCIM search')
@ApiBearerAuth('scim-token')
@Controller(SCIM_BASE_PATHS)
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class RootSearchController {
  constructor(
    private readonly search: RootSearchService,
    @Inject(SCIM_LIMITS) private readonly limits: ScimLimits,
  ) {}

  @ScimDocs.search(undefined, ROOT_SEARCH_EXAMPLES)
  @Post('.search')
  @HttpCode(200)
  async execute(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @Res() res: Response): Promise<void> {
    const request = readSearchBody(body);
    sendJson(res, 200, await this.search.search(ctx, readListRequest(request, this.limits.paging), request.attributes, request.excludedAttributes));
  }
}
