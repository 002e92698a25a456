import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { setCurrentActor } from '@provisio/observability';
import { Strategy } from 'passport-http-bearer';
import { BearerAuthenticator } from './bearer-authenticator.service';
import { ScimPrincipal } from './scim-principal';

export const SCIM_BEARER_STRATEGY = 'scim-bearer';

/** passport-http-bearer extracts the token (header, RFC 6750 §2.1); the authenticator resolves it to a tenant. */
@Injectable()
export class ScimBearerStrategy extends PassportStrategy(Strategy, SCIM_BEARER_STRATEGY) {
  constructor(private readonly authenticator: BearerAuthenticator) {
    super();
  }

  async validate(token: string): Promise<ScimPrincipal> {
    const principal = await this.authenticator.authenticate(token);
    const { id, prefix, kind, oauthClientId } = principal.token;
    setCurrentActor({ type: 'token', tokenId: id, tokenPrefix: prefix, tokenKind: kind, ...(oauthClientId ? { oauthClientId } : {}) });
    return principal;
  }
}
