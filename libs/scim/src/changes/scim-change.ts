import type { EventMemberRef, EventType } from '@provisio/events';

/**
 * One logical change of a SCIM resource, recorded as one audit entry and one outbox event in the
 * transaction that makes it. A PATCH that renames a group and adds members is two changes.
 */
export interface ScimChange {
  action: EventType;
  resourceType: 'User' | 'Group';
  resourceId: string;
  /** userName or displayName at the time of the change. */
  resourceName: string | null;
  externalId: string | null;
  /** The resource as served before and after (never with a password); null for creates and deletes. */
  before: object | null;
  after: object | null;
  /** group.members.added / group.members.removed only. */
  members?: EventMemberRef[];
  summary?: string;
}
