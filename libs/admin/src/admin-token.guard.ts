import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { AppError, setCurrentActor } from '@provisio/observability';
import { hashesEqual, hashSecret } from './secret-hash';

export class AdminAuthError extends AppError {
  constructor() {
    super(401, 'A valid admin bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer realm="provisio-admin"' });
  }
}

/** Guards /admin/v1 with ADMIN_TOKEN; hashing both sides makes the comparison constant-time whatever the lengths. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = hashSecret(config.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const header: string | undefined = context.switchToHttp().getRequest().headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match || !hashesEqual(hashSecret(match[1]), this.expected)) throw new AdminAuthError();
    setCurrentActor({ type: 'admin' });
    return true;
  }
}
