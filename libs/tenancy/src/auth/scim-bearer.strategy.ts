import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { setCurrentActor } from '@provisio/observability';
import type { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { BearerAuthenticator } from './bearer-authenticator.service';
import { ScimPrincipal } from './scim-principal';

export const SCIM_BEARER_STRATEGY = 'scim-bearer';

/**
 * passport-http-bearer parses `Authorization: Bearer <token>` (RFC 6750 §2.1); the authenticator
 * resolves the token to a tenant. The strategy is shown the header only: passport-http-bearer would
 * also take `access_token` from the query string or the body (§2.2, §2.3), and a token there ends
 * up in proxy, browser and access logs.
 */
@Injectable()
export class ScimBearerStrategy extends PassportStrategy(Strategy, SCIM_BEARER_STRATEGY) {
  constructor(private readonly authenticator: BearerAuthenticator) {
    super();
  }

  override authenticate(req: Request, options?: object): void {
    super.authenticate({ headers: { authorization: req.headers.authorization } } as Request, options);
  }

  async validate(token: string): Promise<ScimPrincipal> {
    const principal = await this.authenticator.authenticate(token);
    const { id, prefix, kind, oauthClientId } = principal.token;
    setCurrentActor({ type: 'token', tokenId: id, tokenPrefix: prefix, tokenKind: kind, ...(oauthClientId ? { oauthClientId } : {}) });
    return principal;
  }
}
