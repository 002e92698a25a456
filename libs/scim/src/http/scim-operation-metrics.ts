import { ExecutionContext, HttpException, Inject, Injectable } from '@nestjs/common';
import type { Counter } from '@opentelemetry/api';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { AppError, provisioMeter, withTenant } from '@provisio/observability';
import { scimOperationOf, scimOutcomeOf } from './scim-operation';

/** provisio_scim_operations_total{resource,operation,outcome[,tenant]}: what the IdPs ask of us and how it went. */
@Injectable()
export class ScimOperationMetrics {
  private readonly operations: Counter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.operations = provisioMeter().createCounter('provisio_scim_operations', {
      description: 'SCIM requests handled, by resource, operation and outcome (success, client_error, server_error)',
    });
  }

  record(context: ExecutionContext, status: number, tenantId: string | undefined): void {
    const { resource, operation } = scimOperationOf(context.getClass().name, context.getHandler().name);
    const attributes = { resource, operation, outcome: scimOutcomeOf(status) };
    this.operations.add(1, withTenant(attributes, tenantId, this.config.metricsTenantLabels));
  }
}

/** The status the exception filter will answer with for this error. */
export function statusOfError(error: unknown): number {
  if (error instanceof AppError) return error.status;
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
