/**
 * @provisio/events — provisioning events: transactional outbox, relay to BullMQ, fan-out to subscribers.
 *
 * Writers (libs/scim): import EventsModule and call `OutboxWriter.add(tx, input)` inside the change's
 * transaction, after changing the resource row. One call per logical change.
 *
 * Consumers (libs/webhooks, libs/connectors): implement EventSubscriber and register it with the injected
 * EventSubscriberRegistry in onModuleInit of a module that apps/worker imports. See event-subscriber.ts for the
 * guarantees: subscribers record a whole batch of a tenant's events set-based inside the relay's transaction.
 *
 * Path of an event: outbox_events row (same transaction as the change) → RelayWake NOTIFY after commit → relay
 * in apps/worker numbers it (per-tenant `sequence`, commit order) and, in the same transaction, every subscriber
 * records its delivery rows for the batch → after commit the subscribers queue their delivery jobs.
 */
export * from './event-types';
export * from './event-envelope';
export * from './events.module';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-channel';
export * from './outbox/relay-wake';
export * from './outbox/wake-after-commit';
export * from './subscribers/event-subscriber';
export * from './subscribers/event-subscriber.registry';
export * from './events-worker.module';
export * from './relay/relay-options';
export * from './relay/outbox-relay.service';
export * from './retention/events-retention.service';
export * from './queues/event-queues';
export * from './queues/queue-registry';
export * from './queues/redis-connections';
export * from './events-admin.module';
export * from './events-health.module';
export * from './admin/events-query.service';
export * from './ops/relay-lag.indicator';
export * from './ops/outbox-stats';
export * from './ops/outbox-lag';
export * from './ops/queue-dashboard.module';
export * from './ops/event-queues.reader';
