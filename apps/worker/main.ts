import './instrumentation';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@provisio/config';
import { startFailureLine } from '@provisio/observability';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * `npm run start:worker`. No HTTP. SIGTERM/SIGINT close the app: the relay finishes its pass, workers stop
 * taking jobs and let in-flight ones finish (or hand them back), then connections close.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, exitIfStuck);
  await app.init();
}

/**
 * Graceful shutdown has a deadline: a close that hangs (a Redis client waiting on a dead server) must not keep
 * the process alive until the orchestrator's SIGKILL. Whatever was in flight is taken over by another worker.
 */
const SHUTDOWN_DEADLINE_MS = 28000;

function exitIfStuck(): void {
  setTimeout(() => {
    console.error(`worker did not shut down within ${SHUTDOWN_DEADLINE_MS} ms; exiting (in-flight jobs go to other workers)`);
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
}

main().catch((error: unknown) => {
  // One clear line (what failed, what to do); LOG_LEVEL=debug adds the stack for the unexpected.
  console.error(`The worker could not start: ${startFailureLine(error)}`);
  if (!(error instanceof ConfigError) && /debug|trace/.test(process.env.LOG_LEVEL ?? '')) console.error(error);
  process.exit(1);
});
