import { runMigrations } from '../libs/database/src/run-migrations';
import { loadMigrations } from '../migrations';
import { databaseUrl, testDatabaseName, withServerClient } from './support/test-database';
import { ensureTestPostgres, requireTestRedis } from './support/test-services';

const STALE_AFTER_SECONDS = 3600;

/**
 * Builds the migrated template database every e2e file clones. Names are unique per run, so several
 * Jest runs can share one Postgres; databases older than an hour were left by killed runs and are dropped.
 */
export default async function globalSetup(): Promise<void> {
  await requireTestRedis();
  // global-teardown.ts stops it; both run in Jest's main process.
  (globalThis as { embeddedTestPostgres?: unknown }).embeddedTestPostgres = await ensureTestPostgres();
  const template = testDatabaseName('tpl');
  process.env.PROVISIO_TEMPLATE_DB = template;
  await withServerClient(async (client) => {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^provisio_(tpl|db)_[0-9]+_'`);
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const createdAt = Number(datname.split('_')[2]);
      if (now - createdAt > STALE_AFTER_SECONDS) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(databaseUrl(template), loadMigrations());
}
