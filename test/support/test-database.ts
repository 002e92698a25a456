import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const DEFAULT_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Admin connection to the test Postgres server: TEST_DATABASE_URL, the machine's service, or (set by
 * global-setup.ts when neither answers) the embedded PostgreSQL. Read at call time: global-setup sets it.
 */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_SERVER_URL;
}

/** The server URL as test files see it (global-setup has settled TEST_DATABASE_URL before they load). */
export const TEST_SERVER_URL = testServerUrl();
/** Test databases carry their creation time so a later run can drop what a killed run left behind. */
export function testDatabaseName(kind: 'tpl' | 'db'): string {
  return `provisio_${kind}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

/** Migrated once per Jest run by global-setup.ts (which sets the variable); every test file clones it. */
export function templateDatabase(): string {
  const name = process.env.PROVISIO_TEMPLATE_DB;
  if (!name) throw new Error('PROVISIO_TEMPLATE_DB is unset: run tests through jest so global-setup.ts builds the template');
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServerClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file: cloning the template takes milliseconds. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = testDatabaseName('db');
  await withServerClient(async (client) => {
    // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => withServerClient(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  };
}
