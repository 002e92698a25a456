import { DataSource } from 'typeorm';

export interface OutboxLag {
  /** null: over all tenants. */
  tenantId: string | null;
  /** Committed events the relay has not yet added to a queue. */
  unpublished: number;
  /** Age of the oldest of them (0 when none waits): the relay lag. */
  oldestUnpublishedAgeSeconds: number;
}

/**
 * The relay's backlog for the metrics endpoint, over all tenants or per tenant. Reads only the partial index of
 * undispatched rows, so a scrape stays cheap however large the outbox grows.
 */
export async function outboxLag(dataSource: DataSource, perTenant: boolean): Promise<OutboxLag[]> {
  const rows: { tenant_id: string | null; unpublished: number; age: number | null }[] = await dataSource.query(
    `SELECT ${perTenant ? 'tenant_id' : 'NULL::uuid AS tenant_id'},
            count(*)::int AS unpublished,
            extract(epoch FROM now() - min(occurred_at))::float AS age
       FROM outbox_events WHERE dispatched_at IS NULL AND published_at IS NULL
      ${perTenant ? 'GROUP BY tenant_id' : ''}`,
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    unpublished: row.unpublished,
    oldestUnpublishedAgeSeconds: Math.max(0, row.age ?? 0),
  }));
}
