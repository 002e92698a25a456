import { All, Controller, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppError } from '@provisio/observability';
import { ScimBearerGuard } from '@provisio/tenancy';
import { ScimHttpInterceptor } from '../http/scim-http.interceptor';
import { scimRoutes } from '../http/scim-routes';

/**
 * /Me (RFC 7644 §3.11) names the user behind the token; Provisio's tokens belong to a tenant's IdP
 * connection, not to a user, so the alias has nothing to resolve to. §3.11: a provider without /Me
 * SHOULD answer 501.
 */
// @All would list every HTTP method (and Express's SEARCH) twice; documentScim() lists /Me once per method.
@ApiExcludeController()
@Controller([...scimRoutes('Me'), ...scimRoutes('Me/*path')])
@UseGuards(ScimBearerGuard)
@UseInterceptors(ScimHttpInterceptor)
export class ScimMeController {
  @All()
  notImplemented(): never {
    throw new AppError(501, '/Me is not supported: SCIM tokens here identify an IdP connection of a tenant, not a user');
  }
}
