import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { readClientCredentials } from './client-credentials';

/**
 * Limits on POST /oauth/token. An IdP needs one token an hour per connection, so ten a minute per client is
 * generous; the per-address limit is high because Entra's provisioning service calls from shared Microsoft
 * addresses on behalf of many customers.
 */
export const TOKEN_REQUEST_LIMITS: ThrottlerOptions[] = [
  { name: 'per-client', ttl: 60_000, limit: 10, getTracker: (req) => clientIdOf(req as Request) ?? `ip:${(req as Request).ip}` },
  { name: 'per-address', ttl: 60_000, limit: 300, getTracker: (req) => `ip:${(req as Request).ip}` },
];

function clientIdOf(req: Request): string | undefined {
  try {
    return `client:${readClientCredentials(req.headers.authorization, (req.body ?? {}) as Record<string, unknown>).clientId}`;
  } catch {
    return undefined;
  }
}

/** In-memory counters per API process: a bound against hammering, not a quota shared across replicas. */
export const TokenRequestThrottlerModule = ThrottlerModule.forRoot({ throttlers: TOKEN_REQUEST_LIMITS });
