import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@provisio/config';
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
  await app.init();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
