import { Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@provisio/config';
import { EventEnvelope, EventsModule, EventsWorkerOptions, EventSubscriber, EventSubscriberRegistry } from '@provisio/events';
import { WorkerModule } from '../../../apps/worker/worker.module';

/** Short timings so tests see retries, stalled jobs and polls within seconds. */
export const FAST_WORKER_OPTIONS: Partial<EventsWorkerOptions> = {
  pollIntervalMs: 200,
  lockDurationMs: 2000,
  stalledIntervalMs: 1000,
  maxRetryDelayMs: 500,
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

  async handle(event: EventEnvelope): Promise<void> {
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
