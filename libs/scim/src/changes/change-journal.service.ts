import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@provisio/audit';
import { OutboxWriter } from '@provisio/events';
import { EntityManager } from 'typeorm';
import { ScimChange } from './scim-change';

export interface ScimFailure {
  tenantId: string;
  action: string;
  resourceType: 'User' | 'Group';
  resourceId: string | null;
  status: number;
  scimType?: string;
  summary: string;
}

/** The single place SCIM writes reach the audit log and the outbox (one change, one transaction: docs/architecture.md). */
@Injectable()
export class ChangeJournal {
  constructor(
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  record(tx: EntityManager, tenantId: string, change: ScimChange): Promise<void> {
    return this.recordAll(tx, tenantId, [change]);
  }

  /**
   * Outbox rows first, audit entries last: the audit writer extends the tenant's hash chain under a
   * lock on its chain head, so writing it right before COMMIT keeps that per-tenant lock shortest.
   */
  async recordAll(tx: EntityManager, tenantId: string, changes: ScimChange[]): Promise<void> {
    for (const change of changes) {
      await this.outbox.add(tx, {
        tenantId,
        type: change.action,
        resourceType: change.resourceType,
        resourceId: change.resourceId,
        externalId: change.externalId,
        resource: isMemberEvent(change) ? null : change.after,
        ...(change.members ? { members: change.members } : {}),
      });
    }
    for (const change of changes) {
      await this.audit.record(tx, {
        tenantId,
        action: change.action,
        resourceType: change.resourceType,
        resourceId: change.resourceId,
        resourceName: change.resourceName,
        externalId: change.externalId,
        // Member events carry no resource; the audit diff shows which members came or went.
        before: change.action === 'group.members.removed' ? { members: change.members } : change.before,
        after: change.action === 'group.members.added' ? { members: change.members } : change.after,
        outcome: 'success',
        summary: change.summary,
      });
    }
  }

  /** A rejected write (4xx): no transaction, the audit writer rate-limits these. */
  async recordFailure(failure: ScimFailure): Promise<void> {
    await this.audit.recordFailure({
      tenantId: failure.tenantId,
      action: failure.action,
      resourceType: failure.resourceType,
      resourceId: failure.resourceId,
      outcome: 'failure',
      status: failure.status,
      scimType: failure.scimType,
      summary: failure.summary,
    });
  }
}

function isMemberEvent(change: ScimChange): boolean {
  return change.action === 'group.members.added' || change.action === 'group.members.removed';
}
