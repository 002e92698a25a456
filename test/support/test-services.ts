import { Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresProcess, startEmbeddedPostgresProcess } from './embedded-postgres-process';
import { DEFAULT_TEST_SERVER_URL } from './test-database';

const EMBEDDED_TEST_PORT = Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330);
const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * `npm test` on a machine with Node only: with TEST_DATABASE_URL unset and nothing on 127.0.0.1:5432,
 * the tests use the embedded PostgreSQL the way `npm start` does (data in ./.data/test).
 * Sets TEST_DATABASE_URL for the test workers; returns the server to stop, if it started one.
 */
export async function ensureTestPostgres(): Promise<EmbeddedPostgresProcess | undefined> {
  if (process.env.TEST_DATABASE_URL || (await postgresAnswers(DEFAULT_TEST_SERVER_URL))) return undefined;
  console.log(`\n▸ No PostgreSQL at 127.0.0.1:5432 and TEST_DATABASE_URL is unset: using the embedded PostgreSQL under ./.data/test (port ${EMBEDDED_TEST_PORT})`);
  const embedded = await startEmbeddedPostgresProcess(join(__dirname, '../../.data/test'), EMBEDDED_TEST_PORT);
  process.env.TEST_DATABASE_URL = embedded.serverUrl;
  return embedded;
}

/** The queue tests need Redis; without it, one line saying how to get it rather than hundreds of ECONNREFUSED. */
export async function requireTestRedis(): Promise<void> {
  const url = new URL(process.env.TEST_REDIS_URL ?? DEFAULT_TEST_REDIS_URL);
  if (await tcpAnswers(url.hostname, Number(url.port || 6379))) return;
  console.error(
    `\nRedis is not reachable at ${url.host} (TEST_REDIS_URL): the tests need it. Start one with \`redis-server --daemonize yes\` ` +
      '(Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or `docker run -d -p 6379:6379 redis:7`, or set TEST_REDIS_URL.',
  );
  process.exit(1);
}
