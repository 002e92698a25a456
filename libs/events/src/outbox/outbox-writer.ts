import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEventInput } from '../event-types';
import { noteCommittedTenant } from './wake-after-commit';

/** A single plain parameterised statement, so a caller can send it together with its other statements. */
export interface OutboxInsert {
  sql: string;
  parameters: unknown[];
}

export function outboxInsert(event: OutboxEventInput): OutboxInsert {
  return {
    sql: `INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource, members)
          VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    parameters: [
      event.tenantId,
      event.type,
      event.resourceType,
      event.resourceId,
      event.externalId ?? null,
      event.resource === null ? null : JSON.stringify(event.resource),
      event.members ? JSON.stringify(event.members) : null,
    ],
  };
}

/**
 * Records a provisioning event inside the caller's transaction: one INSERT, no lock beyond the new row, no
 * NOTIFY and no Redis. A rolled-back change publishes nothing. The relay is woken after the commit (RelayWake);
 * if that wake is lost, its poll finds the row anyway.
 *
 * Call it after the change to the resource row, while that row is locked: two transactions changing the same
 * resource are then serialized by that lock, so their events become visible — and are sequenced — in commit order.
 * A caller that sends outboxInsert() itself calls noteCommittedTenant(tx, tenantId) for the wake.
 */
@Injectable()
export class OutboxWriter {
  async add(tx: EntityManager, event: OutboxEventInput): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction that makes the change');
    }
    const { sql, parameters } = outboxInsert(event);
    await tx.query(sql, parameters);
    noteCommittedTenant(tx, event.tenantId);
  }
}
