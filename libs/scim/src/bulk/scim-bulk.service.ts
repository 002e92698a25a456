import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '@provisio/observability';
import { ChangeJournal } from '../changes/change-journal.service';
import { failedWriteOf } from '../http/failed-write';
import { ScimGroupsService } from '../groups/scim-groups.service';
import { ScimContext } from '../http/scim-context';
import { toAppError } from '../http/scim-errors';
import { BULK_RESPONSE_SCHEMA, ERROR_SCHEMA } from '../http/scim-media-type';
import { ScimUsersService } from '../users/scim-users.service';
import { dispatchBulkOperation } from './bulk-dispatch';
import { planBulk, PlanFailure } from './bulk-plan';
import { substituteBulkIds, substitutePath } from './bulk-references';
import { BulkOperation, BulkRequest } from './bulk-request';

type OperationResult = Record<string, unknown>;

/**
 * /Bulk (RFC 7644 §3.7). Each operation runs in its own transaction, in dependency order, so one
 * failure never undoes the others (§3.7 leaves atomicity to the provider; failOnErrors stops the
 * rest). bulkId references are substituted with the ids the POSTs created.
 */
@Injectable()
export class ScimBulkService {
  private readonly logger = new Logger(ScimBulkService.name);

  constructor(
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
    private readonly journal: ChangeJournal,
  ) {}

  async execute(ctx: ScimContext, request: BulkRequest): Promise<Record<string, unknown>> {
    const { operations } = request;
    const plan = planBulk(operations);
    const results = new Map<number, OperationResult>();
    for (const failure of plan.failures) results.set(failure.index, await this.failed(ctx, operations[failure.index], failure));
    let errors = plan.failures.length;
    const created = new Map<string, string>();
    const succeeded = new Set<number>();
    for (const index of plan.order) {
      if (request.failOnErrors !== undefined && errors >= request.failOnErrors) break;
      const op = operations[index];
      if (plan.dependencies.get(index)!.some((dependency) => !succeeded.has(dependency))) {
        results.set(index, await this.failed(ctx, op, { index, status: 409, detail: 'The operation refers to a bulkId whose operation failed' }));
        errors++;
        continue;
      }
      try {
        const resolved: BulkOperation = { ...op, path: substitutePath(op.path, created), data: substituteBulkIds(op.data, created) };
        const outcome = await dispatchBulkOperation(resolved, ctx, this.users, this.groups);
        if (op.bulkId !== undefined && outcome.id) created.set(op.bulkId, outcome.id);
        succeeded.add(index);
        results.set(index, {
          method: op.method,
          ...(op.bulkId !== undefined ? { bulkId: op.bulkId } : {}),
          ...(outcome.version ? { version: outcome.version } : {}),
          ...(outcome.location ? { location: outcome.location } : {}),
          status: String(outcome.status),
        });
      } catch (raw) {
        const error = toAppError(raw);
        if (!(error instanceof AppError)) this.logger.error({ err: error }, 'bulk operation failed unexpectedly');
        const failure = error instanceof AppError
          ? { index, status: error.status, scimType: error.scimType, detail: error.detail }
          : { index, status: 500, detail: 'Internal server error' };
        results.set(index, await this.failed(ctx, op, failure));
        errors++;
      }
    }
    const ordered = [...results.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
    return { schemas: [BULK_RESPONSE_SCHEMA], Operations: ordered };
  }

  /** Records a rejected operation in the audit log before answering, so the event is there when the client reads. */
  private async failed(ctx: ScimContext, op: BulkOperation, failure: PlanFailure): Promise<OperationResult> {
    const response = {
      schemas: [ERROR_SCHEMA],
      status: String(failure.status),
      ...(failure.scimType ? { scimType: failure.scimType } : {}),
      detail: failure.detail,
    };
    const write = failedWriteOf(op.method, `/scim/v2${op.path}`, op.path.split('/')[2]);
    if (write && failure.status < 500) {
      await this.journal
        .recordFailure({ tenantId: ctx.tenant.id, ...write, status: failure.status, scimType: failure.scimType, summary: `Bulk: ${failure.detail.slice(0, 280)}` })
        .catch((error: Error) => this.logger.warn({ err: error.message }, 'could not audit a rejected bulk operation'));
    }
    return {
      method: op.method || 'UNKNOWN',
      ...(op.bulkId !== undefined ? { bulkId: op.bulkId } : {}),
      status: String(failure.status),
      response,
    };
  }
}
