import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@provisio/database';
import { Client } from 'pg';

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_URL = `postgres://provisio:provisio@127.0.0.1:${EMBEDDED_PORT}/provisio`;
/** Development files: the embedded cluster, the admin token, the sandbox tenant's token. */
export const DEV_DATA_DIR = join(process.cwd(), '.data');

export interface DevDatabase {
  url: string;
  embedded: boolean;
  /** Where the embedded cluster keeps its files (as root from a closed folder, outside ./.data). */
  dataDir?: string;
  /** Stops the embedded server when this process started it. */
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Whether the next devDatabase() runs initdb (about half a minute), so callers can say so. */
export function embeddedNeedsInit(): boolean {
  return !process.env.DATABASE_URL && !existsSync(join(DEV_DATA_DIR, 'postgres', 'PG_VERSION'));
}

/**
 * DATABASE_URL when set (production always sets it). Otherwise the embedded PostgreSQL under ./.data:
 * reused when `npm start` already runs it, started here when it does not.
 */
export async function devDatabase(): Promise<DevDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => undefined };
  if (await answers(EMBEDDED_URL)) return { url: EMBEDDED_URL, embedded: true, stop: async () => undefined };
  const server = await startEmbeddedPostgres(DEV_DATA_DIR, EMBEDDED_PORT);
  return { url: server.url, embedded: true, dataDir: server.dataDir, stop: () => server.stop() };
}
