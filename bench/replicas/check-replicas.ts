/** Runs one SQL query and returns its rows: a pg Pool's or a TypeORM DataSource's query, adapted. */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/** What a webhook receiver got, first arrival per event id (receivers deduplicate on it). */
export interface ReceivedEvent {
  id: string;
  sequence: number;
  data: { resourceType: string; id: string };
}

export interface DeliveryCheck {
  committed: number;
  delivered: number;
  /** Committed events that never arrived. */
  lost: number;
  /** Resources whose events arrived out of sequence order. */
  reordered: number;
}

/** Lost and per-resource reordered events, comparing the tenant's outbox with the first arrivals in arrival order. */
export async function checkDeliveries(query: Query, tenantId: string, firstArrivals: ReceivedEvent[]): Promise<DeliveryCheck> {
  const committed = await query<{ id: string }>(`SELECT id FROM outbox_events WHERE tenant_id = $1`, [tenantId]);
  const arrived = new Set(firstArrivals.map((event) => event.id));
  const lastSequence = new Map<string, number>();
  let reordered = 0;
  const reorderedResources = new Set<string>();
  for (const event of firstArrivals) {
    const key = `${event.data.resourceType}/${event.data.id}`;
    if ((lastSequence.get(key) ?? 0) > event.sequence && !reorderedResources.has(key)) {
      reorderedResources.add(key);
      reordered++;
    }
    lastSequence.set(key, Math.max(lastSequence.get(key) ?? 0, event.sequence));
  }
  return { committed: committed.length, delivered: arrived.size, lost: committed.filter((row) => !arrived.has(row.id)).length, reordered };
}

/** A tenant's directory as comparable text: users (userName, active) and groups (displayName, member userNames). */
export async function directorySnapshot(query: Query, tenantId: string): Promise<{ users: string[]; groups: string[] }> {
  const users = await query<{ user_name: string; active: boolean }>(
    `SELECT user_name, active FROM scim_users WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY user_name`,
    [tenantId],
  );
  const groups = await query<{ display_name: string; members: string[] }>(
    `SELECT g.display_name, coalesce(array_agg(u.user_name ORDER BY u.user_name) FILTER (WHERE u.user_name IS NOT NULL), '{}') AS members
       FROM scim_groups g
       LEFT JOIN scim_group_members m ON m.tenant_id = g.tenant_id AND m.group_id = g.id
       LEFT JOIN scim_users u ON u.tenant_id = m.tenant_id AND u.id = m.member_id AND u.deleted_at IS NULL
      WHERE g.tenant_id = $1 AND g.deleted_at IS NULL
      GROUP BY g.display_name ORDER BY g.display_name`,
    [tenantId],
  );
  return {
    users: users.map((u) => `${u.user_name} active=${u.active}`),
    groups: groups.map((g) => `${g.display_name}: ${g.members.join(', ')}`),
  };
}
