import { SqlStatement } from '@provisio/database';
import { currentTraceparent } from '@provisio/observability';
import { OutboxEventInput } from '../event-types';

const COLUMNS = 8;

/**
 * One INSERT for any number of events, in the order given (their `position`, which the relay numbers in).
 * Exposed so a writer can send it inside its own statement (composeStatements): one round trip for the change,
 * its events and its audit entries. Tell OutboxWriter afterwards (wakeAfterCommit or committed) so the relay wakes.
 */
export function outboxInsertStatement(events: OutboxEventInput[]): SqlStatement {
  if (events.length === 0) throw new Error('outboxInsertStatement needs at least one event');
  // The writing request's trace, continued by the relay and every delivery of these events (null when untraced).
  const traceparent = currentTraceparent();
  const params = events.flatMap((event) => [
    event.tenantId,
    event.type,
    event.resourceType,
    event.resourceId,
    event.externalId ?? null,
    event.resource === null ? null : JSON.stringify(event.resource),
    event.members ? JSON.stringify(event.members) : null,
    traceparent,
  ]);
  const rows = events.map((_, row) => `(${Array.from({ length: COLUMNS }, (_c, col) => `$${row * COLUMNS + col + 1}`).join(', ')})`);
  return {
    sql: `INSERT INTO outbox_events (tenant_id, type, resource_type, resource_id, external_id, resource, members, trace_context)
          VALUES ${rows.join(', ')}`,
    params,
  };
}
