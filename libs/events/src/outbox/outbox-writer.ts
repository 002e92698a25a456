import { Injectable } from '@nestjs/common';
import { composeStatements } from '@provisio/database';
import { EntityManager } from 'typeorm';
import { OutboxEventInput } from '../event-types';
import { outboxInsertStatement, outboxWakeSql } from './outbox-insert.sql';

/**
 * Records provisioning events inside the caller's transaction: one INSERT (plus a NOTIFY that Postgres
 * delivers on commit), no lock beyond the new rows, no Redis. A rolled-back change publishes nothing.
 *
 * Call it after the change to the resource row, while that row is locked: two transactions changing the same
 * resource are then serialized by that lock, so their events become visible — and are sequenced — in commit order.
 * A write that is a single statement can carry the INSERT itself (outboxInsertStatement) instead.
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
    const statement = composeStatements([{ name: 'inserted', statement: outboxInsertStatement(events) }], `SELECT ${outboxWakeSql('inserted')}`);
    await tx.query(statement.sql, statement.params);
  }
}
