import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { AppError, setCurrentActor } from '@provisio/observability';
import { DataSource } from 'typeorm';
import { findOperatorKey } from '../operators/find-operator-key';
import { Operator, OperatorRequest } from '../operators/operator-role';
import { hashesEqual, hashSecret } from '../tokens/secrets';

export class AdminAuthError extends AppError {
  constructor() {
    super(401, 'A valid admin token or operator key is required', undefined, { 'WWW-Authenticate': 'Bearer realm="provisio-admin"' });
  }
}

export class OperatorRoleError extends AppError {
  constructor() {
    super(403, 'This operator key has the auditor role, which may only read', undefined, {
      'WWW-Authenticate': 'Bearer realm="provisio-admin", error="insufficient_scope"',
    });
  }
}

/** Methods that change nothing (RFC 9110 §9.2.1): the only ones an auditor key may use. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards the admin API. Accepts ADMIN_TOKEN (always the admin role) or an operator key, and decides the role by
 * HTTP method, so a new write endpoint is closed to auditors without anyone remembering to mark it.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly adminTokenHash: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.adminTokenHash = hashSecret(config.adminToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<OperatorRequest & { method: string; headers: Record<string, string | undefined> }>();
    const operator = await this.authenticate(req.headers.authorization);
    if (!operator) throw new AdminAuthError();
    req.operator = operator;
    setCurrentActor(
      operator.via === 'admin-token'
        ? { type: 'admin' }
        : { type: 'admin', operatorKeyId: operator.keyId, operatorKeyPrefix: operator.keyPrefix, role: operator.role },
    );
    if (operator.role !== 'admin' && !SAFE_METHODS.has(req.method.toUpperCase())) throw new OperatorRoleError();
    return true;
  }

  /** Hashing both sides makes the ADMIN_TOKEN comparison constant-time whatever the lengths. */
  authenticate(header: string | undefined): Promise<Operator | undefined> {
    const secret = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!secret) return Promise.resolve(undefined);
    if (hashesEqual(hashSecret(secret), this.adminTokenHash)) return Promise.resolve({ via: 'admin-token', role: 'admin' });
    return findOperatorKey(this.dataSource, secret);
  }
}
