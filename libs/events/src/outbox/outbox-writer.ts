import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEventInput } from '../event-types';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-channel';

/**
 * Records a provisioning event inside the caller's transaction: one INSERT (plus a NOTIFY that Postgres
 * delivers on commit), no lock beyond the new row, no Redis. A rolled-back change publishes nothing.
 *
 * Call it after the change to the resource row, while that row is locked: two transactions changing the same
 * resource are then serialized by that lock, so their events become visible — and are sequenced — in commit order.
 */
@Injectable()
export class OutboxWriter {
  async add(tx: EntityManager, event: OutboxEventInput): Promise<void> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.add must run inside the transaction that makes the change');
    }
    await tx.query(
      `WITH inserted AS (
         INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource, members)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING tenant_id
       )
       SELECT pg_notify($8, tenant_id::text) FROM inserted`,
      [
        event.tenantId,
        event.type,
        event.resourceType,
        event.resourceId,
        event.externalId ?? null,
        event.resource === null ? null : JSON.stringify(event.resource),
        event.members ? JSON.stringify(event.members) : null,
        OUTBOX_NOTIFY_CHANNEL,
      ],
    );
  }
}
