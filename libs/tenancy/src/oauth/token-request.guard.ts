import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Response } from 'express';
import { OAuthError } from './oauth-error';

/**
 * The throttler names its header after the limit (`Retry-After-per-client`); IdPs read plain `Retry-After`,
 * and a token endpoint answers in the OAuth error shape.
 */
@Injectable()
export class TokenRequestGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new OAuthError(429, 'invalid_request', 'Too many token requests; retry after the number of seconds in Retry-After');
  }
}
