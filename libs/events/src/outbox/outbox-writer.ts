import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEventInput } from '../event-types';
import { outboxInsertStatement } from './outbox-insert.sql';
import { noteCommittedTenant } from './wake-after-commit';

/**
 * Records provisioning events inside the caller's transaction: one INSERT, no lock beyond the new rows, no
 * NOTIFY and no Redis. A rolled-back change publishes nothing. The relay is woken after the commit (RelayWake);
 * if that wake is lost, its poll finds the rows anyway.
 *
 * Call it after the change to the resource row, while that row is locked: two transactions changing the same
 * resource are then serialized by that lock, so their events become visible — and are sequenced — in commit order.
 *
 * A writer that sends the INSERT itself inside one of its own statements (outboxInsertStatement with
 * composeStatements) calls wakeAfterCommit(tx, ...) inside a transaction, or RelayWake.signal() once an
 * autocommitted statement has succeeded.
 */
@Injectable()
export class OutboxWriter {
  add(tx: EntityManager, event: OutboxEventInput): Promise<void> {
    return this.addAll(tx, [event]);
  }

  /** Several events of one transaction in one round trip, in the order given. */
  async addAll(tx: EntityManager, events: OutboxEventInput[]): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction that makes the change');
    }
    if (events.length === 0) return;
    const { sql, params } = outboxInsertStatement(events);
    await tx.query(sql, params);
    this.wakeAfterCommit(tx, events[0].tenantId);
  }

  /** The caller's transaction wrote events of the tenant: RelayWake signals the relay once it commits. */
  wakeAfterCommit(tx: EntityManager, tenantId: string): void {
    noteCommittedTenant(tx, tenantId);
  }
}
