import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import passport from 'passport';
import { ScimRequestRecorder } from '../activity/scim-request-recorder';
import { BearerAuthError } from '../tenants/tenancy-errors';
import { ScimBearerStrategy } from './scim-bearer.strategy';
import { ScimPrincipal } from './scim-principal';

/**
 * Guards SCIM routes; every failure becomes a BearerAuthError so the SCIM error body carries
 * WWW-Authenticate. passport is handed this app's strategy object instead of its name: passport's
 * registry is process-wide, and with several Nest apps in one process (the CLI beside an API, tests)
 * a name would resolve to whichever app registered last, on that app's database. A fresh object per
 * request (Object.create) keeps the callbacks passport attaches to it from crossing requests.
 */
@Injectable()
export class ScimBearerGuard implements CanActivate {
  constructor(
    private readonly strategy: ScimBearerStrategy,
    private readonly recorder: ScimRequestRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: ScimPrincipal }>();
    if (hasTokenOutsideHeader(req)) {
      throw new BearerAuthError('Send the token in the Authorization header (Bearer); access_token in the URL or the body is refused');
    }
    const res = http.getResponse<Response>();
    req.user = await this.authenticate(req, res);
    this.recordWhenAnswered(req, res, req.user);
    return true;
  }

  /** The tenant's last request with the status it got, once the response is sent (see ScimRequestRecorder). */
  private recordWhenAnswered(req: Request, res: Response, principal: ScimPrincipal): void {
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

  private authenticate(req: Request, res: Response): Promise<ScimPrincipal> {
    return new Promise((resolve, reject) => {
      const done = (error: unknown, principal: ScimPrincipal | false) => {
        if (error) reject(error);
        else if (!principal) reject(new BearerAuthError('A bearer token is required (Authorization: Bearer <token>)'));
        else resolve(principal);
      };
      passport.authenticate(Object.create(this.strategy), { session: false }, done)(req, res, reject);
    });
  }
}

/** RFC 6750 §2.2 and §2.3 forms, which this API does not accept. */
function hasTokenOutsideHeader(req: Request): boolean {
  const query = req.query as Record<string, unknown> | undefined;
  const body = req.body as Record<string, unknown> | undefined;
  return (query?.access_token ?? undefined) !== undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && 'access_token' in body);
}
