import { join } from 'node:path';
import { startEmbeddedPostgres } from '@provisio/database';
import { Client } from 'pg';

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const EMBEDDED_URL = `postgres://provisio:provisio@127.0.0.1:${EMBEDDED_PORT}/provisio`;

export interface DevDatabase {
  url: string;
  embedded: boolean;
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

/**
 * DATABASE_URL when set (production always sets it). Otherwise the embedded PostgreSQL under ./.data:
 * reused when `npm start` already runs it, started here when it does not.
 */
export async function devDatabase(): Promise<DevDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => undefined };
  if (await answers(EMBEDDED_URL)) return { url: EMBEDDED_URL, embedded: true, stop: async () => undefined };
  const server = await startEmbeddedPostgres(join(process.cwd(), '.data'), EMBEDDED_PORT);
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
