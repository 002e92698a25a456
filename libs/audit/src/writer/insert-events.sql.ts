import { SqlStatement } from '@provisio/database';
import type { AuditEventContent } from '../chain/event-content';
import { AUDIT_EVENT_INSERT_COLUMNS, insertParameters } from './insert-event.sql';

const JSONB_COLUMNS = new Set<string>(['actor', 'changes']);

/**
 * INSERT_AUDIT_EVENT_SQL for any number of events: one VALUES row per event, in the order given, so their
 * `position` (the order the sealer numbers them in) follows the order of the changes. Separate INSERTs in one
 * composed statement would not do: Postgres does not promise in which order it runs a statement's CTEs.
 */
export function insertEventsStatement(contents: AuditEventContent[]): SqlStatement {
  if (contents.length === 0) throw new Error('insertEventsStatement needs at least one event');
  const width = AUDIT_EVENT_INSERT_COLUMNS.length;
  const rows = contents.map(
    (_, row) => `(${AUDIT_EVENT_INSERT_COLUMNS.map((column, col) => `$${row * width + col + 1}${JSONB_COLUMNS.has(column) ? '::jsonb' : ''}`).join(', ')})`,
  );
  return {
    sql: `INSERT INTO audit_events (${AUDIT_EVENT_INSERT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
    params: contents.flatMap((content) => [content.tenantId, ...insertParameters(content)]),
  };
}
