import { DynamicModule, Module } from '@nestjs/common';
import { EventsModule } from './events.module';
import { OutboxRelayService } from './relay/outbox-relay.service';
import { DEFAULT_EVENTS_WORKER_OPTIONS, EVENTS_WORKER_OPTIONS, EventsWorkerOptions } from './relay/relay-options';
import { EventsRetentionService } from './retention/events-retention.service';
import { LegacyEventQueues } from './queues/legacy-event-queues';

/**
 * The worker side, imported by apps/worker only: outbox relay (which fans events out to the subscribers'
 * delivery tables), retention purge, and the removal of the legacy partition queues.
 * Needs APP_CONFIG and the TypeORM connection from the app. Global so that other processors (webhook delivery)
 * read the same job-lock timings from EVENTS_WORKER_OPTIONS.
 */
@Module({})
export class EventsWorkerModule {
  static forRoot(options: Partial<EventsWorkerOptions> = {}): DynamicModule {
    return {
      module: EventsWorkerModule,
      global: true,
      imports: [EventsModule],
      providers: [
        { provide: EVENTS_WORKER_OPTIONS, useValue: { ...DEFAULT_EVENTS_WORKER_OPTIONS, ...options } },
        OutboxRelayService,
        EventsRetentionService,
        LegacyEventQueues,
      ],
      exports: [OutboxRelayService, EventsRetentionService, EVENTS_WORKER_OPTIONS],
    };
  }
}
