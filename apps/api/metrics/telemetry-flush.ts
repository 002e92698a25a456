import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { flushTelemetry } from '@provisio/observability';

/** Sends the spans still buffered before the process exits, so the last requests of a replica keep their traces. */
@Injectable()
export class TelemetryFlush implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await flushTelemetry().catch(() => undefined);
  }
}
