import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { currentRequestContext, redactUrl } from '@provisio/observability';
import type { Request, Response } from 'express';
import { normalizeError, NormalizedError, SCIM_ERROR_SCHEMA } from './error-body';

export function isScimPath(path: string): boolean {
  return /^\/scim(\/|$)/i.test(path);
}

/**
 * The single place errors become responses: RFC 7644 §3.12 bodies on SCIM routes, `{statusCode, error, message}`
 * on the rest. Nothing unexpected leaks: a 500 carries an error id that is also in the log, never a stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  /** `knownSecrets` (the admin token) are blanked from logged paths, like every marked secret. */
  constructor(private readonly knownSecrets: readonly string[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const normalized = normalizeError(error);
    if (normalized.errorId) {
      const cause = normalized.cause instanceof Error ? normalized.cause : new Error(String(normalized.cause));
      this.logger.error(`unhandled error ${normalized.errorId} on ${req.method} ${redactUrl(req.path, this.knownSecrets)}: ${cause.message}`, cause.stack);
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(normalized.headers)) res.setHeader(name, value);
    const requestId = currentRequestContext()?.requestId;
    if (isStructuredReport(error)) {
      // Health checks answer 503 with their per-dependency report; keep it intact.
      res.status(normalized.status).json(error.getResponse());
    } else if (isScimPath(req.path)) {
      res.status(normalized.status).type('application/scim+json').send(JSON.stringify(scimBody(normalized)));
    } else {
      res.status(normalized.status).json({
        statusCode: normalized.status,
        error: statusText(normalized.status),
        ...(normalized.scimType ? { scimType: normalized.scimType } : {}),
        message: normalized.detail,
        ...(normalized.errorId ? { errorId: normalized.errorId } : {}),
        ...(requestId ? { requestId } : {}),
      });
    }
  }
}

function scimBody(error: NormalizedError) {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.errorId ? `${error.detail} (error id ${error.errorId})` : error.detail,
  };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 415: 'Unsupported Media Type',
    429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
  };
  return texts[status] ?? 'Error';
}

/** An HttpException whose body is a report (e.g. terminus' health details) rather than a message. */
function isStructuredReport(error: unknown): error is HttpException {
  if (!(error instanceof HttpException)) return false;
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && !('message' in body);
}
