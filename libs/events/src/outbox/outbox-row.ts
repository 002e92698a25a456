import { EventEnvelope } from '../event-envelope';
import { EventMemberRef, EventResourceType, EventType } from '../event-types';

/** Columns of outbox_events as selected by OUTBOX_ENVELOPE_COLUMNS. */
export interface OutboxRow {
  id: string;
  tenant_id: string;
  type: EventType;
  resource_type: EventResourceType;
  resource_id: string;
  external_id: string | null;
  resource: object | null;
  members: EventMemberRef[] | null;
  occurred_at: Date;
  sequence: string;
}

export const OUTBOX_ENVELOPE_COLUMNS =
  'id, tenant_id, type, resource_type, resource_id, external_id, resource, members, occurred_at, sequence';

export function toEnvelope(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    tenantId: row.tenant_id,
    occurredAt: row.occurred_at.toISOString(),
    // bigint arrives as a string; a tenant reaching 2^53 events is not a concern.
    sequence: Number(row.sequence),
    data: {
      resourceType: row.resource_type,
      id: row.resource_id,
      externalId: row.external_id,
      resource: row.resource,
      ...(row.members ? { members: row.members } : {}),
    },
  };
}
