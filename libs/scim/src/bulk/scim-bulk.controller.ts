import { Controller, HttpCode, Inject, Post, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ScimBearerGuard } from '@provisio/tenancy';
import type { Response } from 'express';
import { CurrentScim, ScimBody, ScimContext } from '../http/scim-context';
import { ScimHttpInterceptor } from '../http/scim-http.interceptor';
import { SCIM_LIMITS, ScimLimits } from '../http/scim-limits';
import { sendJson } from '../http/scim-reply';
import { scimRoutes } from '../http/scim-routes';
import { readBulkRequest } from './bulk-request';
import { ScimBulkService } from './scim-bulk.service';
import { ScimDocs } from '../openapi/scim-api-docs';
import { BULK_EXAMPLES } from '../openapi/request-examples';

/** POST /Bulk (RFC 7644 §3.7): 200 with a BulkResponse; each operation carries its own status. */
@ApiTags('SCIM Bulk')
@ApiBearerAuth('scim-token')
@Controller(scimRoutes('Bulk'))
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class ScimBulkController {
  constructor(
    private readonly bulk: ScimBulkService,
    @Inject(SCIM_LIMITS) private readonly limits: ScimLimits,
  ) {}

  @ScimDocs.bulk(BULK_EXAMPLES)
  @Post()
  @HttpCode(200)
  async execute(@CurrentScim() ctx: ScimContext, @ScimBody() body: unknown, @Res() res: Response): Promise<void> {
    const request = readBulkRequest(body, this.limits.bulk.maxOperations);
    sendJson(res, 200, await this.bulk.execute(ctx, request));
  }
}
