import { SqlStatement } from '@provisio/database';
import { OutboxEventInput } from '../event-types';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-channel';

const COLUMNS = 7;

/**
 * One INSERT for any number of events, in the order given (their `position`, which the relay numbers in).
 * Exposed so a writer can send it inside its own statement (composeStatements): one round trip for the change,
 * its events and its audit entries. Returns `tenant_id` for the relay's wake-up (outboxWakeSql).
 */
export function outboxInsertStatement(events: OutboxEventInput[]): SqlStatement {
  if (events.length === 0) throw new Error('outboxInsertStatement needs at least one event');
  const params = events.flatMap((event) => [
    event.tenantId,
    event.type,
    event.resourceType,
    event.resourceId,
    event.externalId ?? null,
    event.resource === null ? null : JSON.stringify(event.resource),
    event.members ? JSON.stringify(event.members) : null,
  ]);
  const rows = events.map((_, row) => `(${Array.from({ length: COLUMNS }, (_c, col) => `$${row * COLUMNS + col + 1}`).join(', ')})`);
  return {
    sql: `INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource, members)
          VALUES ${rows.join(', ')}
          RETURNING tenant_id`,
    params,
  };
}

/**
 * A scalar expression that wakes the relay once the transaction commits (Postgres delivers NOTIFY on commit only),
 * given the name under which outboxInsertStatement's rows are readable. One notification per statement: the
 * relay moves every waiting event of the tenant anyway.
 */
export function outboxWakeSql(inserted: string): string {
  return `(SELECT pg_notify('${OUTBOX_NOTIFY_CHANNEL}', tenant_id::text) FROM ${inserted} LIMIT 1)`;
}
