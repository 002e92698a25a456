import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { AppError, setCurrentActor } from '@provisio/observability';
import { DataSource } from 'typeorm';
import { authenticateOperator } from './operators/authenticate-operator';
import { Operator, OperatorRequest } from './operators/operator-role';
import { hashSecret } from './secret-hash';

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

  authenticate(header: string | undefined): Promise<Operator | undefined> {
    return authenticateOperator(this.dataSource, this.adminTokenHash, header?.match(/^Bearer\s+(\S+)$/i)?.[1]);
  }
}
