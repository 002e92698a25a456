import { AppError } from '@provisio/observability';
import { ScimValidationError } from '../resource-model/scim-validation-error';

/**
 * Maps the typed errors of the pure SCIM logic (validation, PATCH, projection) to AppError, which the
 * API's exception filter renders as an RFC 7644 §3.12 body. Anything else passes through unchanged.
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof ScimValidationError) return new AppError(error.status, error.detail, error.scimType);
  if (isInvalidTextRepresentation(error)) {
    // A value Postgres cannot cast (e.g. a malformed dateTime that slipped past validation) is the client's.
    return new AppError(400, 'A value in the request has an invalid format', 'invalidValue');
  }
  return error;
}

function isInvalidTextRepresentation(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
  return code === '22P02' || code === '22007' || code === '22008';
}

export class ScimNotFoundError extends AppError {
  constructor(resourceType: string, id: string) {
    super(404, `${resourceType} ${truncate(id)} not found`);
  }
}

export class UniquenessError extends AppError {
  constructor(detail: string) {
    super(409, detail, 'uniqueness');
  }
}

function truncate(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
