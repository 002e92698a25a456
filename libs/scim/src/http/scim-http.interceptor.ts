import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, AppConfig, publicBaseUrl } from '@provisio/config';
import { AppError } from '@provisio/observability';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, tap, throwError } from 'rxjs';
import { ChangeJournal } from '../changes/change-journal.service';
import { failedWriteOf } from './failed-write';
import { ScimHttpRequest } from './scim-context';
import { ScimOperationMetrics, statusOfError } from './scim-operation-metrics';
import { toAppError } from './scim-errors';
import { SCIM_CANONICAL_BASE } from './scim-routes';

/**
 * Runs around every SCIM handler: fixes the absolute base URL for meta.location, turns the typed
 * errors of the SCIM logic into AppError, records rejected writes (4xx) in the audit log, and counts the
 * operation and its outcome (provisio_scim_operations_total).
 */
@Injectable()
export class ScimHttpInterceptor implements NestInterceptor {
  private readonly logger = new Logger(ScimHttpInterceptor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly journal: ChangeJournal,
    private readonly metrics: ScimOperationMetrics,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & ScimHttpRequest>();
    req.scimBaseUrl = `${publicBaseUrl(req, this.config.publicBaseUrl)}${SCIM_CANONICAL_BASE}`;
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap({ complete: () => this.metrics.record(context, res.statusCode, req.user?.tenant.id) }),
      catchError((raw: unknown) => {
        const error = toAppError(raw);
        this.metrics.record(context, statusOfError(error), req.user?.tenant.id);
        const rejected = error instanceof AppError && error.status >= 400 && error.status < 500;
        // Awaited, so an ops query made right after the 4xx already finds the failure event.
        const recorded = rejected ? this.recordFailure(req, error) : Promise.resolve();
        return from(recorded).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  /** Never rejects: a failure to audit a rejected write is logged, and the client still gets its 4xx. */
  private async recordFailure(req: Request & ScimHttpRequest, error: AppError): Promise<void> {
    const tenantId = req.user?.tenant.id;
    const id = req.params?.id;
    const write = failedWriteOf(req.method, req.path, typeof id === 'string' ? id : undefined);
    if (!tenantId || !write) return;
    await this.journal
      .recordFailure({ tenantId, ...write, status: error.status, scimType: error.scimType, summary: error.detail.slice(0, 300) })
      .catch((failure: Error) => this.logger.warn({ err: failure.message }, 'could not audit a rejected SCIM write'));
  }
}
