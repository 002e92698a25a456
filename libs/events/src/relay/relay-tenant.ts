import { DataSource, QueryRunner } from 'typeorm';
import { assignSequences } from './assign-sequences';
import { EventPublisher, PublishableEvent } from './event-publisher';
import { lockTenantSequence } from './tenant-sequence-lock';

export interface RelayPassResult {
  /** False when another relay holds this tenant; it will do the work. */
  locked: boolean;
  sequenced: number;
  published: number;
  publishError?: Error;
}

/**
 * One relay pass over one tenant, each step a short transaction under the tenant's sequence-row lock:
 * 1. number newly committed events and commit, so a sequence is durable before any consumer sees it;
 * 2. publish the oldest numbered, unpublished events in sequence order and mark them. If Redis fails nothing
 *    is marked, and the next pass starts again from the same oldest event: none lost, none reordered.
 *    If Redis lost its data, events published but not yet dispatched are published again first.
 */
export async function relayTenant(dataSource: DataSource, publisher: EventPublisher, tenantId: string, batchSize: number): Promise<RelayPassResult> {
  const sequenced = await underTenantLock(dataSource, tenantId, (qr, last) => assignSequences(qr, tenantId, last, batchSize));
  if (sequenced === null) return { locked: false, sequenced: 0, published: 0 };
  let publishError: Error | undefined;
  const published = await underTenantLock(dataSource, tenantId, async (qr) => {
    try {
      return await publishOldest(qr, publisher, tenantId, batchSize);
    } catch (error) {
      publishError = error as Error;
      return 0;
    }
  });
  if (published === null) return { locked: false, sequenced, published: 0 };
  return { locked: true, sequenced, published, publishError };
}

/** Also used by the pull API: numbering needs no Redis, so events are readable even while no worker runs. */
export async function underTenantLock<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (qr: QueryRunner, lastSequence: number) => Promise<T>,
): Promise<T | null> {
  const qr = dataSource.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    const lastSequence = await lockTenantSequence(qr, tenantId);
    if (lastSequence === null) {
      await qr.rollbackTransaction();
      return null;
    }
    const result = await work(qr, lastSequence);
    await qr.commitTransaction();
    return result;
  } catch (error) {
    if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await qr.release();
  }
}

async function publishOldest(qr: QueryRunner, publisher: EventPublisher, tenantId: string, batchSize: number): Promise<number> {
  const remembered = await publisher.remembersTenant(tenantId);
  if (!remembered) {
    // Redis lost what we had published (or this is the tenant's first publish): publish again, in sequence
    // order, every event no subscriber has finished with. Jobs that survived are ignored by job id.
    await qr.query(
      `UPDATE outbox_events SET published_at = NULL
       WHERE tenant_id = $1 AND dispatched_at IS NULL AND published_at IS NOT NULL`,
      [tenantId],
    );
  }
  const pending = await oldestUnpublished(qr, tenantId, batchSize);
  if (pending.length) {
    await publisher.publish(pending);
    await qr.query(`UPDATE outbox_events SET published_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tenantId,
      pending.map((event) => event.id),
    ]);
  }
  if (!remembered) await publisher.rememberTenant(tenantId);
  return pending.length;
}

function oldestUnpublished(qr: QueryRunner, tenantId: string, limit: number): Promise<PublishableEvent[]> {
  return qr.query(
    `SELECT id, tenant_id, type, resource_type, resource_id, sequence FROM outbox_events
     WHERE tenant_id = $1 AND dispatched_at IS NULL AND published_at IS NULL AND sequence IS NOT NULL
     ORDER BY sequence LIMIT $2`,
    [tenantId, limit],
  );
}
