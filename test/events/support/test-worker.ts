import { Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@provisio/config';
import { AfterCommit, EventBatch, EventEnvelope, EventsModule, EventsWorkerOptions, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { WorkerModule } from '../../../apps/worker/worker.module';

/** Short timings so tests see retries, stalled jobs and polls within seconds. */
export const FAST_WORKER_OPTIONS: Partial<EventsWorkerOptions> = {
  pollIntervalMs: 200,
  lockDurationMs: 2000,
  stalledIntervalMs: 1000,
};

class RegisterTestSubscribers implements OnModuleInit {
  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly subscribers: EventSubscriber[],
  ) {}

  onModuleInit(): void {
    for (const subscriber of this.subscribers) this.registry.register(subscriber);
  }
}

/** Boots apps/worker in-process (the same WorkerModule as main.ts) with extra subscribers. Close it in afterAll. */
export async function startTestWorker(
  config: AppConfig,
  subscribers: EventSubscriber[],
  options: Partial<EventsWorkerOptions> = {},
): Promise<INestApplicationContext> {
  @Module({
    imports: [WorkerModule.forRoot(config, { ...FAST_WORKER_OPTIONS, ...options }), EventsModule],
    providers: [
      { provide: RegisterTestSubscribers, useFactory: (registry: EventSubscriberRegistry) => new RegisterTestSubscribers(registry, subscribers), inject: [EventSubscriberRegistry] },
    ],
  })
  class TestWorkerModule {}
  const app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
  await app.init();
  return app;
}

/** A receiver that deduplicates on the event id, as the docs tell consumers to. */
export class RecordingSubscriber implements EventSubscriber {
  readonly received: EventEnvelope[] = [];
  readonly seen = new Set<string>();
  duplicates = 0;

  constructor(readonly name = 'test-recorder') {}

  /** Takes the events once the relay's transaction committed, as a delivery queue would get its wake-ups. */
  async record(_tx: unknown, batch: EventBatch): Promise<AfterCommit> {
    return async () => {
      for (const event of batch.events) this.receive(event);
    };
  }

  private receive(event: EventEnvelope): void {
    if (this.seen.has(event.id)) {
      this.duplicates++;
      return;
    }
    this.seen.add(event.id);
    this.received.push(event);
  }

  /** Events of one resource, in the order they arrived. */
  of(resourceId: string): EventEnvelope[] {
    return this.received.filter((event) => event.data.id === resourceId);
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Closes a test worker after its Redis was restarted. The BullMQ workers that @nestjs/bullmq creates (the audit
 * retention processor) own their connections and close them with QUIT, which can wait forever on a client that
 * reconnected to a restarted server; they are force-closed first (they hold no job in these tests).
 */
export async function closeAfterRedisRestart(app: INestApplicationContext): Promise<void> {
  const hosts = app.get(DiscoveryService).getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  await Promise.all(hosts.map((host) => host.worker.close(true)));
  await app.close();
}
