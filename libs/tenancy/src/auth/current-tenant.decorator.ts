import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ScimPrincipal } from './scim-principal';

/** The tenant resolved by ScimBearerGuard; use only on guarded routes. */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return (context.switchToHttp().getRequest().user as ScimPrincipal).tenant;
});

/** The tenant plus the token that authenticated the request (for audit). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest().user as ScimPrincipal;
});
