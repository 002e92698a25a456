import { DataSource, QueryRunner } from 'typeorm';
import { OUTBOX_ENVELOPE_COLUMNS, OutboxRow, toEnvelope } from '../outbox/outbox-row';
import { AfterCommit, EventBatch, EventSubscriber } from '../subscribers/event-subscriber';
import { assignSequences } from './assign-sequences';
import { lockTenantSequence } from './tenant-sequence-lock';

export interface RelayPassResult {
  /** False when another relay holds this tenant; it will do the work. */
  locked: boolean;
  sequenced: number;
  dispatched: number;
  /** The subscribers' wake-ups, to run now that the pass has committed. */
  afterCommit: AfterCommit[];
}

/**
 * One relay pass over one tenant, in one short transaction under the tenant's sequence-row lock:
 * 1. number newly committed events (commit order, no gaps);
 * 2. take the oldest undispatched events, in sequence order, and let every subscriber record its work for the
 *    whole batch set-based (one INSERT … SELECT of delivery rows per subscriber);
 * 3. mark the batch dispatched.
 * It commits all of it or nothing, so a batch is recorded exactly once, and a sequence is durable before any
 * consumer can see it. The caller runs the returned wake-ups after commit. Redis is not needed here at all.
 */
export async function relayTenant(dataSource: DataSource, subscribers: EventSubscriber[], tenantId: string, batchSize: number): Promise<RelayPassResult> {
  const result = await underTenantLock(dataSource, tenantId, async (qr, last) => {
    const sequenced = await assignSequences(qr, tenantId, last, batchSize);
    const batch = await nextBatch(qr, tenantId, batchSize);
    const afterCommit: AfterCommit[] = [];
    if (batch.events.length === 0) return { sequenced, dispatched: 0, afterCommit };
    for (const subscriber of subscribers) {
      const after = await subscriber.record(qr.manager, batch);
      if (after) afterCommit.push(after);
    }
    await qr.query(`UPDATE outbox_events SET published_at = now(), dispatched_at = now() WHERE tenant_id = $1 AND id = ANY ($2::uuid[])`, [
      tenantId,
      batch.events.map((event) => event.id),
    ]);
    return { sequenced, dispatched: batch.events.length, afterCommit };
  });
  return result === null ? { locked: false, sequenced: 0, dispatched: 0, afterCommit: [] } : { locked: true, ...result };
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

async function nextBatch(qr: QueryRunner, tenantId: string, limit: number): Promise<EventBatch> {
  const rows: OutboxRow[] = await qr.query(
    `SELECT ${OUTBOX_ENVELOPE_COLUMNS} FROM outbox_events
     WHERE tenant_id = $1 AND dispatched_at IS NULL AND sequence IS NOT NULL
     ORDER BY sequence LIMIT $2`,
    [tenantId, limit],
  );
  const events = rows.map(toEnvelope);
  return { tenantId, events, payloads: events.map((event) => JSON.stringify(event)) };
}
