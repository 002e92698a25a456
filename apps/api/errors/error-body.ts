import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { AppError } from '@provisio/observability';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The one normalised shape every failure is reduced to before it is rendered for SCIM or the admin API. */
export interface NormalizedError {
  status: number;
  detail: string;
  scimType?: string;
  headers: Record<string, string>;
  /** Set for unexpected failures: logged with the stack and returned so support can find the log line. */
  errorId?: string;
  cause?: unknown;
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Body-parser failures carry a `type`; they are client errors with a fixed meaning. */
function fromBodyParser(error: BodyParserError): NormalizedError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, scimType: 'invalidSyntax', detail: 'The request body is not valid JSON', headers: {} };
    case 'entity.too.large':
      return { status: 413, detail: 'The request body is larger than this endpoint accepts', headers: {} };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, detail: 'Unsupported content encoding or charset; send UTF-8', headers: {} };
    case 'request.aborted':
      return { status: 400, detail: 'The request was aborted', headers: {} };
    default:
      return undefined;
  }
}

function fromHttpException(error: HttpException): NormalizedError {
  const response = error.getResponse();
  let detail = error.message;
  if (typeof response === 'object' && response !== null) {
    const message = (response as { message?: unknown }).message;
    detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : detail;
  }
  return { status: error.getStatus(), detail, headers: {} };
}

export function normalizeError(error: unknown): NormalizedError {
  if (error instanceof AppError) {
    return { status: error.status, detail: error.detail, scimType: error.scimType, headers: error.headers };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  const parsed = fromBodyParser(error as BodyParserError);
  if (parsed) return parsed;
  return { status: 500, detail: 'Internal server error', headers: {}, errorId: randomUUID(), cause: error };
}
