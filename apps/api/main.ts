import './instrumentation';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@provisio/config';
import { startFailureLine } from '@provisio/observability';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port);
}

main().catch((error: unknown) => {
  // One clear line (what failed, what to do); LOG_LEVEL=debug adds the stack for the unexpected.
  console.error(`The API could not start: ${startFailureLine(error)}`);
  if (!(error instanceof ConfigError) && /debug|trace/.test(process.env.LOG_LEVEL ?? '')) console.error(error);
  process.exit(1);
});
