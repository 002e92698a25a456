import type { EmbeddedPostgresProcess } from './support/embedded-postgres-process';
import { withServerClient } from './support/test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.PROVISIO_TEMPLATE_DB;
  if (template) {
    await withServerClient(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    });
  }
  await (globalThis as { embeddedTestPostgres?: EmbeddedPostgresProcess }).embeddedTestPostgres?.stop();
}
