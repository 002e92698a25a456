import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import passport from 'passport';
import { ScimRequestRecorder } from '../activity/scim-request-recorder';
import { BearerAuthError } from '../tenants/tenancy-errors';
import { ScimPrincipal } from './scim-principal';
import { SCIM_BEARER_STRATEGY, ScimBearerStrategy } from './scim-bearer.strategy';

/** Guards SCIM routes; every failure becomes a BearerAuthError so the SCIM error body carries WWW-Authenticate. */
@Injectable()
export class ScimBearerGuard extends AuthGuard(SCIM_BEARER_STRATEGY) {
  constructor(
    private readonly strategy: ScimBearerStrategy,
    private readonly recorder: ScimRequestRecorder,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // passport keeps strategies in one process-wide registry, so with several Nest apps in one process
    // (the CLI beside an API, tests) the last app to boot would authenticate for all of them, on its own
    // database. Pointing the name at this app's strategy keeps every app on its own connection.
    passport.use(SCIM_BEARER_STRATEGY, this.strategy);
    const allowed = (await super.canActivate(context)) as boolean;
    this.recordWhenAnswered(context);
    return allowed;
  }

  override handleRequest<T>(error: unknown, principal: T | false): T {
    if (error) throw error;
    if (!principal) throw new BearerAuthError('A bearer token is required (Authorization: Bearer <token>)');
    return principal;
  }

  /** The tenant's last request with the status it got, once the response is sent (see ScimRequestRecorder). */
  private recordWhenAnswered(context: ExecutionContext): void {
    const req = context.switchToHttp().getRequest<Request & { user?: ScimPrincipal }>();
    const res = context.switchToHttp().getResponse<Response>();
    const principal = req.user;
    if (!principal) return;
    res.once('finish', () =>
      this.recorder.note({
        tenantId: principal.tenant.id,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        tokenPrefix: principal.token.prefix,
        userAgent: req.headers['user-agent'],
      }),
    );
  }
}
