import { AppError } from '@provisio/observability';

/** RFC 7644 §3.12 Table 9: the scimType values a 400 may carry. */
export type ScimBadRequestType =
  | 'invalidFilter'
  | 'tooMany'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/**
 * What the pure resource logic (validation, PATCH, projection) throws for a bad request: always a
 * 400 with a scimType (RFC 7644 §3.12). An AppError, so the SCIM exception filter renders it like
 * every other typed error.
 */
export class ScimValidationError extends AppError {
  declare readonly status: 400;
  declare readonly scimType: ScimBadRequestType;

  constructor(scimType: ScimBadRequestType, detail: string) {
    super(400, detail, scimType);
  }
}

export const invalidValue = (detail: string) => new ScimValidationError('invalidValue', detail);
export const invalidSyntax = (detail: string) => new ScimValidationError('invalidSyntax', detail);
export const invalidPath = (detail: string) => new ScimValidationError('invalidPath', detail);
export const invalidFilter = (detail: string) => new ScimValidationError('invalidFilter', detail);
export const noTarget = (detail: string) => new ScimValidationError('noTarget', detail);
export const mutability = (detail: string) => new ScimValidationError('mutability', detail);
