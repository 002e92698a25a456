import { Injectable } from '@nestjs/common';
import { EventSubscriber } from './event-subscriber';

/**
 * Where consumers sign up for events: inject it and call register() in onModuleInit. The fan-out processor
 * in apps/worker hands every event to every registered subscriber (a subscriber filters by type itself).
 */
@Injectable()
export class EventSubscriberRegistry {
  private readonly subscribers = new Map<string, EventSubscriber>();

  register(subscriber: EventSubscriber): void {
    if (this.subscribers.has(subscriber.name)) {
      throw new Error(`An event subscriber named "${subscriber.name}" is already registered`);
    }
    this.subscribers.set(subscriber.name, subscriber);
  }

  all(): EventSubscriber[] {
    return [...this.subscribers.values()];
  }
}
