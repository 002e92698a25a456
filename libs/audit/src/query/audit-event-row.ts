import { Actor } from '@provisio/observability';
import { AuditEventContent } from '../chain/event-content';
import { AuditChange } from '../diff/audit-change';
import { AuditOutcome } from '../writer/audit-entry';

/** An audit_events row as pg returns it (bigint as string, bytea as Buffer, jsonb parsed). */
export interface AuditEventRow {
  tenant_id: string;
  /** NULL until the sealer numbers the event (moments after commit). */
  sequence: string | null;
  id: string;
  occurred_at: Date;
  action: string;
  outcome: AuditOutcome;
  status: number | null;
  scim_type: string | null;
  resource_type: string;
  resource_id: string | null;
  resource_name: string | null;
  external_id: string | null;
  actor: Actor;
  request_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
  summary: string | null;
  suppressed: number;
  changes: AuditChange[] | null;
  /** NULL until sealed. */
  hash: Buffer | null;
}

/** Every column but the generated actor_id: what list, get, verify and export read. */
export const AUDIT_EVENT_COLUMNS = `tenant_id, sequence, id, occurred_at, action, outcome, status, scim_type, resource_type,
  resource_id, resource_name, external_id, actor, request_id, client_ip, user_agent, summary, suppressed, changes, hash`;

/** The hashed content, rebuilt from the stored columns exactly as the writer built it. */
export function contentOf(row: AuditEventRow): AuditEventContent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    action: row.action,
    outcome: row.outcome,
    status: row.status,
    scimType: row.scim_type,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    externalId: row.external_id,
    actor: row.actor,
    requestId: row.request_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    summary: row.summary,
    suppressed: row.suppressed,
    changes: row.changes,
  };
}

export interface AuditEventView extends AuditEventContent {
  /** null only for an event read by id in the moment before it is sealed. */
  sequence: number | null;
  occurredAt: string;
  /** SHA-256 chain hash of this event, hex; null until sealed. */
  hash: string | null;
}

export function toAuditEventView(row: AuditEventRow): AuditEventView {
  return {
    ...contentOf(row),
    sequence: row.sequence === null ? null : Number(row.sequence),
    occurredAt: row.occurred_at.toISOString(),
    hash: row.hash ? row.hash.toString('hex') : null,
  };
}

/** A sealed event as list, export and verify read it (they only read sealed rows). */
export type SealedAuditEventRow = AuditEventRow & { sequence: string; hash: Buffer };
export type SealedAuditEventView = AuditEventView & { sequence: number; hash: string };
