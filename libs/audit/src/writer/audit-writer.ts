import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SqlStatement } from '@provisio/database';
import { currentRequestContext } from '@provisio/observability';
import { DataSource, EntityManager } from 'typeorm';
import { serializeContent } from '../chain/event-content';
import { AuditEntry } from './audit-entry';
import { buildContent } from './build-content';
import { FailureRateLimiter } from './failure-rate-limiter';
import { INSERT_AUDIT_EVENT_SQL, insertParameters } from './insert-event.sql';

/**
 * The one way anything writes to the audit log.
 *
 * `record(tx, entry)` joins the caller's transaction, so an event commits with its change or not at all.
 * It takes the tenant's chain lock (held until commit), so call it as the LAST statement of the transaction,
 * after the resource rows are written: other writers of the same tenant wait only for the commit.
 */
@Injectable()
export class AuditWriter {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly failures: FailureRateLimiter,
  ) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    const { sql, params } = this.statement(entry);
    await tx.query(sql, params);
  }

  /**
   * The INSERT that record() sends, for a writer that sends its change as one statement (composeStatements):
   * the event then commits with the change in the same round trip. At most one per statement, since each
   * extends the tenant's chain head.
   */
  statement(entry: AuditEntry): SqlStatement {
    const content = buildContent(entry);
    return { sql: INSERT_AUDIT_EVENT_SQL, params: [content.tenantId, serializeContent(content), ...insertParameters(content)] };
  }

  /**
   * A refused request (4xx): stored with outcome `failure`, its status, scimType and a safe summary, never a
   * body. Runs in its own transaction (the failed change has none) and is rate limited per tenant, actor and
   * status; suppressed failures are counted on the next recorded one. Never throws: a failing audit write must
   * not turn a client's 400 into a 500, so it is logged instead.
   */
  async recordFailure(entry: AuditEntry): Promise<void> {
    const failure: AuditEntry = { ...entry, outcome: 'failure', before: null, after: null };
    const actor = failure.actor ?? currentRequestContext()?.actor;
    const actorKey = actor ? (actor.type === 'token' ? actor.tokenId : actor.type === 'system' ? actor.job : 'admin') : '-';
    const decision = this.failures.take(`${entry.tenantId}|${actorKey}|${entry.status ?? '-'}`);
    if (!decision.record) return;
    try {
      const content = buildContent(failure, decision.suppressedBefore);
      await this.dataSource.transaction((tx) =>
        tx.query(INSERT_AUDIT_EVENT_SQL, [content.tenantId, serializeContent(content), ...insertParameters(content)]),
      );
    } catch (error) {
      this.logger.error({ msg: 'audit failure event not written', tenantId: entry.tenantId, action: entry.action, error: String(error) });
    }
  }

  /**
   * A tenant's audit log is deleted with the tenant (ON DELETE CASCADE), so its deletion cannot live there:
   * it goes to the application log, with the same who/where fields an event would carry.
   */
  recordTenantDeletion(tenant: { id: string; name: string }): void {
    const context = currentRequestContext();
    this.logger.warn({
      msg: 'audit: tenant.deleted',
      action: 'tenant.deleted',
      tenantId: tenant.id,
      tenantName: tenant.name,
      actor: context?.actor ?? null,
      requestId: context?.requestId ?? null,
      clientIp: context?.clientIp ?? null,
    });
  }
}
