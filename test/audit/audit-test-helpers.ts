import { AuditWriter } from '@provisio/audit';
import { AuditEventRow } from '../../libs/audit/src/query/audit-event-row';
import { TestApp } from '../support/test-app';

export function auditWriter(t: TestApp): AuditWriter {
  return t.app.get(AuditWriter, { strict: false });
}

/** Events of a tenant straight from the table, oldest first. */
export async function storedEvents(t: TestApp, tenantId: string): Promise<AuditEventRow[]> {
  return t.dataSource.query(`SELECT * FROM audit_events WHERE tenant_id = $1 ORDER BY sequence`, [tenantId]);
}

export const admin = (t: TestApp) => ({ Authorization: `Bearer ${t.adminToken}` });
