import { Global, Injectable, Module, Provider } from '@nestjs/common';

/**
 * Every BullMQ queue of Provisio, declared once by the lib that owns it (registerQueues() in its module; the apps
 * declare audit's, since libs/audit does not depend on this lib). The worker's start-up log, the queue dashboard
 * (/admin/queues) and GET /admin/v1/events/stats all read this one list, so none of them can miss a queue.
 * Consumers note which queues this process serves, so the worker can say what it serves and what it does not.
 */
@Injectable()
export class QueueRegistry {
  private readonly owners = new Map<string, string>();
  private readonly served = new Set<string>();

  declare(owner: string, names: readonly string[]): void {
    for (const name of names) this.owners.set(name, owner);
  }

  /** Called by a consumer when it starts processing a queue in this process. */
  serving(name: string): void {
    this.served.add(name);
  }

  names(): string[] {
    return [...this.owners.keys()].sort();
  }

  servedNames(): string[] {
    return [...this.served].sort();
  }
}

@Global()
@Module({ providers: [QueueRegistry], exports: [QueueRegistry] })
export class QueueRegistryModule {}

/** A provider that declares the owner's queues in the registry when the module is instantiated. */
export function registerQueues(owner: string, names: readonly string[]): Provider {
  return {
    provide: `provisio-queues:${owner}`,
    inject: [QueueRegistry],
    useFactory: (registry: QueueRegistry) => registry.declare(owner, names),
  };
}
