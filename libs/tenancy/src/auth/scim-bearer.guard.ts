import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import passport from 'passport';
import { BearerAuthError } from '../tenants/tenancy-errors';
import { SCIM_BEARER_STRATEGY, ScimBearerStrategy } from './scim-bearer.strategy';

/** Guards SCIM routes; every failure becomes a BearerAuthError so the SCIM error body carries WWW-Authenticate. */
@Injectable()
export class ScimBearerGuard extends AuthGuard(SCIM_BEARER_STRATEGY) {
  constructor(private readonly strategy: ScimBearerStrategy) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    // passport keeps strategies in one process-wide registry, so with several Nest apps in one process
    // (the CLI beside an API, tests) the last app to boot would authenticate for all of them, on its own
    // database. Pointing the name at this app's strategy keeps every app on its own connection.
    passport.use(SCIM_BEARER_STRATEGY, this.strategy);
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error) throw error;
    if (!principal) throw new BearerAuthError('A bearer token is required (Authorization: Bearer <token>)');
    return principal;
  }
}
