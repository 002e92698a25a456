import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { redactUrl } from './redact-url';
import { currentRequestContext } from './request-context';
import { traceLogFields } from './telemetry/trace-log-fields';

/**
 * Paths pino blanks before a line is written. Request bodies are never logged; this list guards the
 * places a secret could still reach a log line (headers, error objects carrying payloads).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.clientSecret',
  '*.client_secret',
  '*.access_token',
];

/**
 * `destination` lets tests read the exact lines production would write to stdout. `knownSecrets`
 * (the admin token) are blanked from logged URLs besides the secrets redactUrl recognises.
 */
export function loggerOptions(level: string, service: string, destination?: DestinationStream, knownSecrets: readonly string[] = []): Params {
  const options: Options = {
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // The request id comes from the request context middleware so logs and audit agree.
    genReqId: (req: IncomingMessage) => currentRequestContext()?.requestId ?? String(req.headers['x-request-id'] ?? ''),
    customProps: () => ({ requestId: currentRequestContext()?.requestId }),
    mixin: traceLogFields,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url, knownSecrets) }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
