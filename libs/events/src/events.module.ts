import { Module } from '@nestjs/common';
import { OutboxWriter } from './outbox/outbox-writer';
import { EventSubscriberRegistry } from './subscribers/event-subscriber.registry';

/**
 * The write side and the subscriber registry. Needs only the TypeORM connection: no Redis, no configuration,
 * so libs/scim imports it as is and the API keeps serving while Redis is down (events wait in the outbox).
 */
@Module({
  providers: [OutboxWriter, EventSubscriberRegistry],
  exports: [OutboxWriter, EventSubscriberRegistry],
})
export class EventsModule {}
