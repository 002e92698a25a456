import { EventType, OutboxEventInput, OutboxWriter } from '@provisio/events';
import { DataSource } from 'typeorm';

const writer = new OutboxWriter();

/** One "SCIM change": an outbox row in its own transaction, as libs/scim writes it. */
export function writeEvent(dataSource: DataSource, input: OutboxEventInput): Promise<void> {
  return dataSource.transaction((tx) => writer.add(tx, input));
}

export function userEvent(tenantId: string, userId: string, type: EventType, step: number): OutboxEventInput {
  return {
    tenantId,
    type,
    resourceType: 'User',
    resourceId: userId,
    externalId: `ext-${userId}`,
    resource: type === 'user.deleted' ? null : { id: userId, userName: `${userId}@example.com`, step },
  };
}

/** The step numbers a subscriber saw for one user, which must come out 0, 1, 2, … */
export function steps(events: { data: { resource: object | null } }[]): number[] {
  return events.map((event) => (event.data.resource as { step: number } | null)?.step ?? -1);
}
