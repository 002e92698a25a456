import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditWriter } from '@provisio/audit';
import { composeStatements, NamedStatement } from '@provisio/database';
import { OutboxEventInput, outboxInsertStatement, OutboxWriter, RelayWake } from '@provisio/events';
import { EntityManager } from 'typeorm';
import { queryRows } from '../storage/sql';
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
    private readonly relayWake: RelayWake,
  ) {}

  record(tx: EntityManager, tenantId: string, change: ScimChange): Promise<void> {
    return this.recordAll(tx, tenantId, [change]);
  }

  /**
   * Inside the caller's transaction, in one statement (one round trip): the outbox rows and the audit entries of
   * `changes`, each set in one INSERT in the order of the changes. Neither takes a lock other writers wait on.
   */
  async recordAll(tx: EntityManager, tenantId: string, changes: ScimChange[]): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) throw new Error('ChangeJournal.recordAll must run inside the transaction that makes the change');
    if (changes.length === 0) return;
    const statement = composeStatements(this.journalParts(tenantId, changes), 'SELECT 1');
    await tx.query(statement.sql, statement.params);
    this.outbox.wakeAfterCommit(tx, tenantId);
  }

  /**
   * A create in ONE statement and round trip: `insert`, its outbox event and its audit entry as the CTEs of
   * one statement. Outside a transaction (`dataSource.manager`) the statement is its own transaction, so the three
   * commit together or not at all. `insert` must be an INSERT that either inserts its row or raises (a unique
   * violation, never ON CONFLICT DO NOTHING): the event and entry are written unconditionally. Returns the
   * insert's RETURNING rows.
   */
  async insertAndRecord<T>(db: EntityManager, tenantId: string, insert: NamedStatement, change: ScimChange): Promise<T[]> {
    const statement = composeStatements(
      [insert, ...this.journalParts(tenantId, [change])],
      `SELECT * FROM ${insert.name}`,
    );
    const rows = await queryRows<T>(db, statement.sql, statement.params);
    // Committed already unless the caller runs a transaction, whose commit then wakes the relay.
    if (db.queryRunner?.isTransactionActive) this.outbox.wakeAfterCommit(db, tenantId);
    else this.relayWake.signal([tenantId]);
    return rows;
  }

  private journalParts(tenantId: string, changes: ScimChange[]): NamedStatement[] {
    return [
      { name: 'journal_outbox', statement: outboxInsertStatement(changes.map((change) => outboxEvent(tenantId, change))) },
      { name: 'journal_audit', statement: this.audit.statement(changes.map((change) => auditEntry(tenantId, change))) },
    ];
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

function outboxEvent(tenantId: string, change: ScimChange): OutboxEventInput {
  return {
    tenantId,
    type: change.action,
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    externalId: change.externalId,
    resource: isMemberEvent(change) ? null : change.after,
    ...(change.members ? { members: change.members } : {}),
  };
}

function auditEntry(tenantId: string, change: ScimChange): AuditEntry {
  return {
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
  };
}

function isMemberEvent(change: ScimChange): boolean {
  return change.action === 'group.members.added' || change.action === 'group.members.removed';
}
