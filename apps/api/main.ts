import './instrumentation';
import 'reflect-metadata';
import { ConfigError, loadConfig } from '@provisio/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port);
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line; anything else is unexpected and keeps its stack.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
