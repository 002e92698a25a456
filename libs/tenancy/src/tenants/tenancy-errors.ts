import { AppError, ConflictError, NotFoundError } from '@provisio/observability';

export class TenantNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Tenant ${id} not found`);
  }
}

export class TenantNameTakenError extends ConflictError {
  constructor(name: string) {
    super(`A tenant named "${name}" already exists`);
  }
}

/** RFC 6750 §3: a 401 names the scheme and why the token was refused. */
export class BearerAuthError extends AppError {
  constructor(detail: string, status: 401 | 403 = 401) {
    const error = status === 401 ? 'invalid_token' : 'insufficient_scope';
    super(status, detail, undefined, {
      'WWW-Authenticate': `Bearer realm="provisio", error="${error}", error_description="${detail}"`,
    });
  }
}
