import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestContext } from '@provisio/observability';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry';
import { buildContent } from './build-content';
import { FailureRateLimiter } from './failure-rate-limiter';
import { INSERT_AUDIT_EVENT_SQL, insertParameters } from './insert-event.sql';

/**
 * The one way anything writes to the audit log.
 *
 * `record(tx, entry)` joins the caller's transaction, so an event commits with its change or not at all.
 * It is one plain INSERT that locks nothing other writers need; the event gets its sequence and chain hash
 * shortly after commit from the sealer (see sealer/audit-sealer.ts).
 */
@Injectable()
export class AuditWriter {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly failures: FailureRateLimiter,
  ) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    const content = buildContent(entry);
    await tx.query(INSERT_AUDIT_EVENT_SQL, [content.tenantId, ...insertParameters(content)]);
  }

  /**
   * A refused request (4xx): stored with outcome `failure`, its status, scimType and a safe summary, never a
   * body. Commits on its own (the failed change has no transaction to join) and is rate limited per tenant, actor and
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
      await this.dataSource.query(INSERT_AUDIT_EVENT_SQL, [content.tenantId, ...insertParameters(content)]);
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
