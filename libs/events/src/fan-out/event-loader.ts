import { DataSource } from 'typeorm';
import { EventEnvelope } from '../event-envelope';
import { OUTBOX_ENVELOPE_COLUMNS, OutboxRow, toEnvelope } from '../outbox/outbox-row';

/** The envelope of one event, or null when it is gone (tenant deleted, or purged after retention). */
export async function loadEnvelope(dataSource: DataSource, tenantId: string, eventId: string): Promise<EventEnvelope | null> {
  const rows: OutboxRow[] = await dataSource.query(
    `SELECT ${OUTBOX_ENVELOPE_COLUMNS} FROM outbox_events WHERE tenant_id = $1 AND id = $2`,
    [tenantId, eventId],
  );
  return rows.length ? toEnvelope(rows[0]) : null;
}

/** Every subscriber has the event: the relay will not publish it again even if Redis loses its data. */
export async function markDispatched(dataSource: DataSource, tenantId: string, eventId: string): Promise<void> {
  await dataSource.query(`UPDATE outbox_events SET dispatched_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, eventId]);
}
