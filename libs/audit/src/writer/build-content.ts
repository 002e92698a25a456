import { randomUUID } from 'node:crypto';
import { Actor, currentRequestContext } from '@provisio/observability';
import { toPlainJson } from '../chain/canonical-json';
import { AuditEventContent } from '../chain/event-content';
import { diffResources } from '../diff/diff-resources';
import { AuditEntry } from './audit-entry';

/** Recorded when neither the caller nor the request context names an actor (a code path that forgot to). */
const UNATTRIBUTED: Actor = { type: 'system', job: 'unattributed' };
const MAX_TEXT = 1000;

/** Fills in what the request context knows and turns before/after into the stored diff. */
export function buildContent(entry: AuditEntry, suppressed = 0): AuditEventContent {
  const context = currentRequestContext();
  const hasChange = entry.before != null || entry.after != null;
  const content: AuditEventContent = {
    id: randomUUID(),
    tenantId: entry.tenantId,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    status: entry.status ?? null,
    scimType: text(entry.scimType),
    resourceType: entry.resourceType,
    resourceId: text(entry.resourceId),
    resourceName: text(entry.resourceName),
    externalId: text(entry.externalId),
    actor: entry.actor ?? context?.actor ?? UNATTRIBUTED,
    requestId: text(context?.requestId),
    clientIp: text(context?.clientIp),
    userAgent: text(context?.userAgent),
    summary: text(entry.summary),
    suppressed,
    changes: hasChange ? diffResources(entry.before, entry.after) : null,
  };
  // The hash is computed over exactly what reads back from the row (NULs stripped, Dates as ISO strings).
  return toPlainJson(content) as AuditEventContent;
}

/** Free text from clients (user agent, names) is bounded so one event stays small. */
function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
}
