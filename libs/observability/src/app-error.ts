/**
 * A failure with a known HTTP meaning. Domain code throws subclasses; the API's exception filter turns
 * them into a SCIM error body on SCIM routes (RFC 7644 §3.12) and a JSON error on the admin API.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** RFC 7644 §3.12 Table 9 keyword, when one applies. */
    readonly scimType?: string,
    /** Extra response headers, e.g. WWW-Authenticate on 401. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super(404, detail);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, scimType = 'uniqueness') {
    super(409, detail, scimType);
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, scimType?: string) {
    super(400, detail, scimType);
  }
}
