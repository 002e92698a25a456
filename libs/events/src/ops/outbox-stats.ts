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
}

/** Backlog gauges, over all tenants or one. Reads only the small partial index of undispatched rows. */
export async function outboxStats(dataSource: DataSource, tenantId?: string): Promise<OutboxStats> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS undispatched,
            count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished,
            extract(epoch FROM now() - min(occurred_at) FILTER (WHERE published_at IS NULL))::float AS unpublished_age,
            extract(epoch FROM now() - min(occurred_at))::float AS undispatched_age
     FROM outbox_events WHERE dispatched_at IS NULL ${tenantId ? 'AND tenant_id = $1' : ''}`,
    tenantId ? [tenantId] : [],
  );
  return {
    undispatched: row.undispatched,
    unpublished: row.unpublished,
    oldestUnpublishedAgeSeconds: roundAge(row.unpublished_age),
    oldestUndispatchedAgeSeconds: roundAge(row.undispatched_age),
  };
}

function roundAge(seconds: number | null): number | null {
  return seconds === null ? null : Math.max(0, Math.round(seconds * 10) / 10);
}
