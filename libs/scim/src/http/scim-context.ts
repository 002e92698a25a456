import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ScimPrincipal, ScimTenant } from '@provisio/tenancy';

/** What every SCIM operation needs besides its arguments: the tenant and the absolute SCIM base URL. */
export interface ScimContext {
  tenant: ScimTenant;
  /** e.g. https://provisio.example.com/scim/v2: meta.location and Location headers start with it. */
  baseUrl: string;
}

export interface ScimHttpRequest {
  user?: ScimPrincipal;
  scimBaseUrl?: string;
}

/** The ScimContext of a guarded SCIM route; ScimHttpInterceptor has set the base URL by then. */
export const CurrentScim = createParamDecorator((_data: unknown, context: ExecutionContext): ScimContext => {
  const req = context.switchToHttp().getRequest<ScimHttpRequest>();
  return { tenant: req.user!.tenant, baseUrl: req.scimBaseUrl! };
});

/**
 * The raw query string parameters. A custom decorator keeps the global ValidationPipe
 * (whitelist, forbidNonWhitelisted) away from SCIM parameters, which are read by the SCIM code.
 */
export const ScimQuery = createParamDecorator((_data: unknown, context: ExecutionContext): Record<string, unknown> => {
  return context.switchToHttp().getRequest<{ query: Record<string, unknown> }>().query ?? {};
});

/** The parsed JSON body, untouched by the global ValidationPipe (SCIM bodies go through the schema validator). */
export const ScimBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => {
  return context.switchToHttp().getRequest<{ body: unknown }>().body;
});
