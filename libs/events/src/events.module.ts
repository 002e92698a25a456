import { Module } from '@nestjs/common';
import { OutboxWriter } from './outbox/outbox-writer';
import { RelayWake } from './outbox/relay-wake';
import { EventSubscriberRegistry } from './subscribers/event-subscriber.registry';
import { EVENTS_MAINTENANCE_QUEUE } from './queues/event-queues';
import { QueueRegistryModule, registerQueues } from './queues/queue-registry';

/**
 * The write side (OutboxWriter, and RelayWake signalling the relay after commit) and the subscriber registry.
 * Needs only the TypeORM connection: no Redis, no configuration,
 * so libs/scim imports it as is and the API keeps serving while Redis is down (events wait in the outbox).
 */
@Module({
  imports: [QueueRegistryModule],
  providers: [OutboxWriter, RelayWake, EventSubscriberRegistry, registerQueues('events', [EVENTS_MAINTENANCE_QUEUE])],
  exports: [OutboxWriter, RelayWake, EventSubscriberRegistry],
})
export class EventsModule {}
