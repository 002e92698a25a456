import { chmodSync, lstatSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgresProcess } from '../support/embedded-postgres-process';

const PORT = 3931; // this suite's own port (3900-3949)
const asRoot = process.getuid?.() === 0;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * `npm start` as root from a clone the `postgres` user cannot read (a mode-700 `mktemp -d` folder,
 * a clone under /root): the embedded PostgreSQL still initialises, starts, keeps its data and stops.
 */
describe('the embedded PostgreSQL from a folder only root can read', () => {
  jest.setTimeout(180_000); // initdb on a shared machine
  let clone: string;
  let home: string;
  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'provisio-clone-')); // mode 700, like a fresh `mktemp -d`
    home = mkdtempSync(join(tmpdir(), 'provisio-pg-home-'));
    chmodSync(home, 0o755);
    process.env.PROVISIO_EMBEDDED_PG_HOME = home; // inherited by the child process
  });
  afterAll(() => {
    delete process.env.PROVISIO_EMBEDDED_PG_HOME;
    rmSync(clone, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  (asRoot ? it : it.skip)('initialises as the postgres user, links ./.data/postgres to the cluster and keeps data across restarts', async () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    const dataDir = join(clone, '.data');
    const first = await startEmbeddedPostgresProcess(dataDir, PORT);
    try {
      await query(first.url, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
      expect(lstatSync(join(dataDir, 'postgres')).isSymbolicLink()).toBe(true);
      expect(first.dataDir).toMatch(new RegExp(`^${home}/data-`));
      expect(statSync(first.dataDir).uid).not.toBe(0);
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgresProcess(dataDir, PORT);
    try {
      expect(await query(second.url, 'SELECT id FROM kept')).toEqual([{ id: 7 }]);
    } finally {
      await second.stop();
    }
  });
});
