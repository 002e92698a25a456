import { DataSource } from 'typeorm';

export interface UnsealedEvents {
  /** null: over all tenants. */
  tenantId: string | null;
  count: number;
}

/**
 * Committed audit events the sealer has not numbered and chained yet, for the metrics endpoint. Reads only the
 * partial index audit_events_unsealed, which holds just those rows: normally a handful, seconds old.
 */
export async function unsealedAuditEvents(dataSource: DataSource, perTenant: boolean): Promise<UnsealedEvents[]> {
  const rows: { tenant_id: string | null; count: number }[] = await dataSource.query(
    `SELECT ${perTenant ? 'tenant_id' : 'NULL::uuid AS tenant_id'}, count(*)::int AS count
       FROM audit_events WHERE sequence IS NULL ${perTenant ? 'GROUP BY tenant_id' : ''}`,
  );
  return rows.map((row) => ({ tenantId: row.tenant_id, count: row.count }));
}
