/**
 * Every provisioning event type. One event per logical change (a SCIM Bulk request writes one per operation).
 * Names are part of the public contract (webhook subscriptions, the pull API): never rename one.
 */
export const EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.members.added',
  'group.members.removed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export type EventResourceType = 'User' | 'Group';

export interface EventMemberRef {
  value: string;
  type: 'User' | 'Group';
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** What a writer hands OutboxWriter.add(); the id, sequence and occurredAt are assigned by the outbox. */
export interface OutboxEventInput {
  tenantId: string;
  type: EventType;
  resourceType: EventResourceType;
  /** Our id of the user or group; per-resource ordering is keyed on (tenantId, resourceType, resourceId). */
  resourceId: string;
  externalId?: string | null;
  /** The SCIM representation after the change (null for deletes). */
  resource: object | null;
  /** Only for group.members.added / group.members.removed: the members that changed. */
  members?: EventMemberRef[];
}
