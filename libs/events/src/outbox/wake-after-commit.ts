import { EntityManager, QueryRunner } from 'typeorm';

/** Where a transaction's query runner remembers the tenants it wrote events for, until it commits or rolls back. */
const KEY = 'provisioOutboxTenants';

/** Marks the transaction as having written an event of the tenant: RelayWake signals the relay once it commits. */
export function noteCommittedTenant(tx: EntityManager, tenantId: string): void {
  const data = tx.queryRunner?.data as Record<string, unknown> | undefined;
  if (!data) return;
  const tenants = (data[KEY] as Set<string> | undefined) ?? new Set<string>();
  tenants.add(tenantId);
  data[KEY] = tenants;
}

/** The tenants noted in this query runner's transaction, forgotten as they are read. */
export function takeNotedTenants(queryRunner: QueryRunner | undefined): string[] {
  const data = queryRunner?.data as Record<string, unknown> | undefined;
  const tenants = data?.[KEY] as Set<string> | undefined;
  if (!tenants) return [];
  delete data![KEY];
  return [...tenants];
}
