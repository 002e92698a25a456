import { Controller, Get, Inject, Param, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppError } from '@provisio/observability';
import { ScimBearerGuard } from '@provisio/tenancy';
import type { Response } from 'express';
import { CurrentScim, ScimContext, ScimQuery } from '../http/scim-context';
import { ScimNotFoundError } from '../http/scim-errors';
import { ScimHttpInterceptor } from '../http/scim-http.interceptor';
import { SCIM_LIMITS, ScimLimits } from '../http/scim-limits';
import { LIST_RESPONSE_SCHEMA } from '../http/scim-media-type';
import { sendJson } from '../http/scim-reply';
import { SCIM_BASE_PATHS } from '../http/scim-routes';
import { renderResourceTypes, renderSchemas } from './render-schemas';
import { renderServiceProviderConfig } from './service-provider-config';
import { ScimDocs } from '../openapi/scim-api-docs';

type Body = Record<string, unknown>;

/**
 * RFC 7644 §4 discovery. Bodies are built once at start (no per-request schema work); only
 * meta.location depends on the request. A filter here is 403, as §4 says it SHOULD be.
 */
@ApiTags('SCIM discovery')
@ApiBearerAuth('scim-token')
@Controller(SCIM_BASE_PATHS)
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class ScimDiscoveryController {
  private readonly config: Body;
  private readonly resourceTypes = renderResourceTypes();
  private readonly schemas = renderSchemas();

  constructor(@Inject(SCIM_LIMITS) limits: ScimLimits) {
    this.config = renderServiceProviderConfig(limits);
  }

  @ScimDocs.serviceProviderConfig()
  @Get('ServiceProviderConfig')
  serviceProviderConfig(@CurrentScim() ctx: ScimContext, @ScimQuery() query: Body, @Res() res: Response): void {
    rejectFilter(query);
    sendJson(res, 200, { ...this.config, meta: meta('ServiceProviderConfig', `${ctx.baseUrl}/ServiceProviderConfig`) });
  }

  @ScimDocs.discoveryList('resource types', 'ResourceTypes')
  @Get('ResourceTypes')
  listResourceTypes(@CurrentScim() ctx: ScimContext, @ScimQuery() query: Body, @Res() res: Response): void {
    rejectFilter(query);
    sendJson(res, 200, listOf(this.resourceTypes.map((type) => this.withResourceTypeMeta(ctx, type))));
  }

  @ScimDocs.discoveryGet('resource type', 'User or Group')
  @Get('ResourceTypes/:id')
  getResourceType(@CurrentScim() ctx: ScimContext, @Param('id') id: string, @Res() res: Response): void {
    const type = this.resourceTypes.find((candidate) => String(candidate.id).toLowerCase() === id.toLowerCase());
    if (!type) throw new ScimNotFoundError('ResourceType', id);
    sendJson(res, 200, this.withResourceTypeMeta(ctx, type));
  }

  @ScimDocs.discoveryList('schemas', 'Schemas')
  @Get('Schemas')
  listSchemas(@CurrentScim() ctx: ScimContext, @ScimQuery() query: Body, @Res() res: Response): void {
    rejectFilter(query);
    sendJson(res, 200, listOf(this.schemas.map((schema) => withSchemaMeta(ctx, schema))));
  }

  @ScimDocs.discoveryGet('schema', 'A schema URN, e.g. urn:ietf:params:scim:schemas:core:2.0:User')
  @Get('Schemas/:id')
  getSchema(@CurrentScim() ctx: ScimContext, @Param('id') id: string, @Res() res: Response): void {
    const schema = this.schemas.find((candidate) => String(candidate.id).toLowerCase() === id.toLowerCase());
    if (!schema) throw new ScimNotFoundError('Schema', id);
    sendJson(res, 200, withSchemaMeta(ctx, schema));
  }

  private withResourceTypeMeta(ctx: ScimContext, type: Body): Body {
    return { ...type, meta: meta('ResourceType', `${ctx.baseUrl}/ResourceTypes/${type.id}`) };
  }
}

function withSchemaMeta(ctx: ScimContext, schema: Body): Body {
  return { ...schema, meta: meta('Schema', `${ctx.baseUrl}/Schemas/${schema.id}`) };
}

function meta(resourceType: string, location: string): Body {
  return { resourceType, location };
}

function listOf(resources: Body[]): Body {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults: resources.length, itemsPerPage: resources.length, startIndex: 1, Resources: resources };
}

function rejectFilter(query: Body): void {
  if (query.filter !== undefined) throw new AppError(403, 'Filtering is not supported on discovery endpoints (RFC 7644 §4)');
}
