import { DataSource } from 'typeorm';

export interface OutboxStats {
  /** Committed events not yet handed to every subscriber. */
  undispatched: number;
  /** Of those, not yet added to a queue (the relay's backlog). */
  unpublished: number;
  /** Age of the oldest event not yet added to a queue: the relay lag. */
  oldestUnpublishedAgeSeconds: number | null;
  /** Age of the oldest event not yet handed to every subscriber: the delivery lag. */
  oldestUndispatchedAgeSeconds: number | null;
  /** The oldest event not yet handed to every subscriber: where to look when the lag grows. */
  oldestPending: PendingEvent | null;
}

export interface PendingEvent {
  id: string;
  tenantId: string;
  type: string;
  /** null until the relay numbered it. */
  sequence: number | null;
  occurredAt: string;
  /** Whether the relay already added it to a queue (false: the relay is behind; true: a subscriber is). */
  queued: boolean;
}

/** Backlog gauges, over all tenants or one. Reads only the small partial index of undispatched rows. */
export async function outboxStats(dataSource: DataSource, tenantId?: string): Promise<OutboxStats> {
  const params = tenantId ? [tenantId] : [];
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS undispatched,
            count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished,
            extract(epoch FROM now() - min(occurred_at) FILTER (WHERE published_at IS NULL))::float AS unpublished_age,
            extract(epoch FROM now() - min(occurred_at))::float AS undispatched_age
     FROM outbox_events WHERE dispatched_at IS NULL ${tenantId ? 'AND tenant_id = $1' : ''}`,
    params,
  );
  const [oldest] = await dataSource.query(
    `SELECT id, tenant_id, type, sequence, occurred_at, published_at IS NOT NULL AS queued
       FROM outbox_events WHERE dispatched_at IS NULL ${tenantId ? 'AND tenant_id = $1' : ''}
      ORDER BY occurred_at LIMIT 1`,
    params,
  );
  return {
    undispatched: row.undispatched,
    unpublished: row.unpublished,
    oldestUnpublishedAgeSeconds: roundAge(row.unpublished_age),
    oldestUndispatchedAgeSeconds: roundAge(row.undispatched_age),
    oldestPending: oldest
      ? {
        id: oldest.id,
        tenantId: oldest.tenant_id,
        type: oldest.type,
        sequence: oldest.sequence === null ? null : Number(oldest.sequence),
        occurredAt: oldest.occurred_at.toISOString(),
        queued: oldest.queued,
      }
      : null,
  };
}

function roundAge(seconds: number | null): number | null {
  return seconds === null ? null : Math.max(0, Math.round(seconds * 10) / 10);
}
