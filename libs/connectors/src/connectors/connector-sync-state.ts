import { EntityManager } from 'typeorm';

/** Counts that tell an operator whether a connector keeps up (the admin API's `sync` object). */
export interface SyncCounts {
  /** Syncs waiting for their first attempt or for a retry. */
  pending: number;
  /** Of those, the ones that failed at least once and wait for a retry. */
  retrying: number;
  /** Given up after the retry window (or a permanent 4xx); a resync repairs what they missed. */
  dead: number;
  succeeded: number;
  oldestPendingAt: string | null;
  /** Our users and groups with a counterpart in the store. */
  mapped: { users: number; groups: number };
}

const EMPTY: SyncCounts = { pending: 0, retrying: 0, dead: 0, succeeded: 0, oldestPendingAt: null, mapped: { users: 0, groups: 0 } };

/** One query per table for any number of connectors of one tenant (the list endpoint asks for all of them). */
export async function syncCounts(db: EntityManager, tenantId: string, connectorIds: string[]): Promise<Map<string, SyncCounts>> {
  const counts = new Map(connectorIds.map((id) => [id, structuredClone(EMPTY)]));
  if (connectorIds.length === 0) return counts;
  const syncs: { connector_id: string; pending: number; retrying: number; dead: number; succeeded: number; oldest: Date | null }[] = await db.query(
    `SELECT connector_id,
            count(*) FILTER (WHERE status IN ('pending', 'failed'))::int AS pending,
            count(*) FILTER (WHERE status = 'failed')::int AS retrying,
            count(*) FILTER (WHERE status = 'dead')::int AS dead,
            count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
            min(created_at) FILTER (WHERE status IN ('pending', 'failed')) AS oldest
       FROM connector_syncs WHERE tenant_id = $1 AND connector_id = ANY ($2::uuid[]) GROUP BY connector_id`,
    [tenantId, connectorIds],
  );
  for (const row of syncs) {
    Object.assign(counts.get(row.connector_id)!, {
      pending: row.pending, retrying: row.retrying, dead: row.dead, succeeded: row.succeeded, oldestPendingAt: row.oldest?.toISOString() ?? null,
    });
  }
  const mapped: { connector_id: string; resource_type: 'User' | 'Group'; n: number }[] = await db.query(
    `SELECT connector_id, resource_type, count(*)::int AS n FROM connector_id_map
      WHERE tenant_id = $1 AND connector_id = ANY ($2::uuid[]) GROUP BY connector_id, resource_type`,
    [tenantId, connectorIds],
  );
  for (const row of mapped) counts.get(row.connector_id)!.mapped[row.resource_type === 'User' ? 'users' : 'groups'] = row.n;
  return counts;
}
