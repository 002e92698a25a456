import { EventMemberRef, EventResourceType, EventType } from './event-types';

/**
 * The event as webhooks, connectors and the pull API see it (docs/events.md).
 * `id` is stable across redeliveries, so receivers deduplicate on it. `sequence` increases per tenant in
 * commit order and is the pull API's cursor.
 */
export interface EventEnvelope {
  id: string;
  type: EventType;
  tenantId: string;
  /** ISO 8601 time the change was written. */
  occurredAt: string;
  sequence: number;
  data: EventData;
}

export interface EventData {
  resourceType: EventResourceType;
  id: string;
  externalId: string | null;
  resource: object | null;
  members?: EventMemberRef[];
}
