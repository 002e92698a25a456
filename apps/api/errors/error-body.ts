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
  // Body-parser failures never get here: apps/api/http/body-parsers.ts turns them into AppErrors.
  if (error instanceof HttpException) return fromHttpException(error);
  return { status: 500, detail: 'Internal server error', headers: {}, errorId: randomUUID(), cause: error };
}
