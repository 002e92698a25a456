import { AppError } from '@provisio/observability';

/**
 * RFC 7644 §3.4.2.2 / §3.12: a filter that does not parse, or compares an attribute in a way its
 * type does not allow, is a 400 with scimType invalidFilter. The detail names the position or token.
 */
export class ScimFilterError extends AppError {
  constructor(detail: string) {
    super(400, detail, 'invalidFilter');
  }
}

/** RFC 7644 §3.5.2 / §3.12: a PATCH "path" that does not follow the PATH grammar is invalidPath. */
export class ScimPathError extends AppError {
  constructor(detail: string) {
    super(400, detail, 'invalidPath');
  }
}
