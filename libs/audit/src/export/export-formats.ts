import { stringify } from 'csv-stringify/sync';
import { AuditEventView } from '../query/audit-event-row';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const CSV_COLUMNS = [
  'sequence', 'id', 'occurredAt', 'action', 'outcome', 'status', 'scimType', 'resourceType', 'resourceId', 'resourceName',
  'externalId', 'actorType', 'actorId', 'actorPrefix', 'requestId', 'clientIp', 'userAgent', 'summary', 'suppressed', 'changes', 'hash',
];

/** One batch of events as NDJSON lines: one complete event per line. */
export function toNdjson(events: AuditEventView[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}

/** One batch as CSV rows (with the header on the first batch); `changes` is a JSON cell. */
export function toCsv(events: AuditEventView[], withHeader: boolean): string {
  const rows = events.map((e) => {
    const actor = e.actor as { type: string; tokenId?: string; tokenPrefix?: string; job?: string };
    return [
      e.sequence, e.id, e.occurredAt, e.action, e.outcome, e.status, e.scimType, e.resourceType, e.resourceId, e.resourceName,
      e.externalId, actor.type, actor.tokenId ?? actor.job ?? null, actor.tokenPrefix ?? null, e.requestId, e.clientIp, e.userAgent,
      e.summary, e.suppressed, e.changes ? JSON.stringify(e.changes) : null, e.hash,
    ].map(spreadsheetSafe);
  });
  return stringify(rows, { header: withHeader, columns: CSV_COLUMNS });
}

/**
 * userName, displayName and user agent come from IdPs and clients: a cell starting with = + - @ would run as a
 * formula when ops open the file in a spreadsheet (CSV injection), so such cells get a leading apostrophe.
 */
function spreadsheetSafe(value: unknown): unknown {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value ?? '';
}
