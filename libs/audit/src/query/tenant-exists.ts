import { isUuid } from '@provisio/database';
import { NotFoundError } from '@provisio/observability';
import { EntityManager } from 'typeorm';

/** An unknown tenant is 404 on every audit route, the same answer as another tenant's event. */
export async function assertTenantExists(db: EntityManager, tenantId: string): Promise<void> {
  const rows = isUuid(tenantId) ? await db.query(`SELECT 1 FROM tenants WHERE id = $1`, [tenantId]) : [];
  if (!rows.length) throw new NotFoundError(`Tenant ${tenantId} not found`);
}
