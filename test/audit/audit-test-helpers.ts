import { AuditSealer, AuditWriter } from '@provisio/audit';
import { SealedAuditEventRow } from '../../libs/audit/src/query/audit-event-row';
import { TestApp } from '../support/test-app';

export function auditWriter(t: TestApp): AuditWriter {
  return t.app.get(AuditWriter, { strict: false });
}

/** A row as SELECT * returns it, with the generated actor_id the API does not show. */
export type StoredEvent = SealedAuditEventRow & { actor_id: string | null };

export function auditSealer(t: TestApp): AuditSealer {
  return t.app.get(AuditSealer, { strict: false });
}

/**
 * Events of a tenant straight from the table, oldest first. Seals what has committed first (as every audit read
 * does), so each has its sequence and hash.
 */
export async function storedEvents(t: TestApp, tenantId: string): Promise<StoredEvent[]> {
  await auditSealer(t).seal(tenantId, { wait: true });
  return t.dataSource.query(`SELECT * FROM audit_events WHERE tenant_id = $1 ORDER BY sequence`, [tenantId]);
}

export const admin = (t: TestApp) => ({ Authorization: `Bearer ${t.adminToken}` });

/**
 * SCIM records a rejected write after answering the client (its own short transaction, not awaited by the
 * request), so a test that reads the log right after a 4xx polls until the event is there. Gives up after
 * `attempts` tries and returns what it last saw, so the caller's assertion reports the difference.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 100): Promise<T> {
  let value = await read();
  for (let i = 1; i < attempts && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}
