import { AppError } from '@provisio/observability';
import { ScimValidationError } from '../resource-model/scim-validation-error';

/**
 * Maps the typed errors of the pure SCIM logic (validation, PATCH, projection) to AppError, which the
 * API's exception filter renders as an RFC 7644 §3.12 body. Anything else passes through unchanged.
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof ScimValidationError) return new AppError(error.status, error.detail, error.scimType);
  const code = postgresCode(error);
  if (code !== undefined && CLIENT_VALUE_CODES.has(code)) {
    // A value Postgres cannot take (a malformed dateTime or a character it cannot store that slipped
    // past validation, an index entry too large) is the client's: a 400, never a 500.
    return new AppError(400, 'A value in the request has an invalid format or is too large to store', 'invalidValue');
  }
  return error;
}

/**
 * 22P02 invalid_text_representation, 22007 invalid_datetime_format, 22008 datetime_field_overflow,
 * 22P05 untranslatable_character and 22021 character_not_in_repertoire (U+0000 in jsonb or text),
 * 54000 program_limit_exceeded (index row size).
 */
const CLIENT_VALUE_CODES = new Set(['22P02', '22007', '22008', '22P05', '22021', '54000']);

function postgresCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = typeof code === 'string' ? code : driverError?.code;
  return typeof found === 'string' ? found : undefined;
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
