import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from './free-port';

const PGBOUNCER = '/usr/sbin/pgbouncer';

export interface PgBouncer {
  port: number;
  /** The same database URL, through the pooler. */
  pooledUrl(directUrl: string): string;
  stop(): Promise<void>;
}

/**
 * Debian's pgbouncer on a free port in transaction pooling mode, in front of the test Postgres, with a
 * throwaway config directory. Never the machine's own pgbouncer.
 */
export async function startPgBouncer(serverUrl: string): Promise<PgBouncer> {
  const port = await freePort();
  const server = new URL(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'provisio-pgbouncer-'));
  writeFileSync(join(dir, 'users.txt'), `"${server.username}" ""\n`);
  writeFileSync(join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `* = host=${server.hostname} port=${server.port || 5432}`,
    '[pgbouncer]',
    `listen_addr = 127.0.0.1`,
    `listen_port = ${port}`,
    `unix_socket_dir =`,
    `auth_type = trust`,
    `auth_file = ${join(dir, 'users.txt')}`,
    `pool_mode = transaction`,
    `default_pool_size = 10`,
    `max_client_conn = 500`,
    // node-postgres sends these at connect; the pooler cannot keep per-client session settings.
    `ignore_startup_parameters = extra_float_digits,statement_timeout,options`,
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n'));
  // pgbouncer refuses to run as root unless told which user to drop to.
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', join(dir, 'pgbouncer.ini')] : [join(dir, 'pgbouncer.ini')];
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres', dir]);
  const child: ChildProcess = spawn(PGBOUNCER, args, { stdio: 'ignore' });
  const pooledUrl = (directUrl: string) => {
    const url = new URL(directUrl);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    return url.toString();
  };
  await waitFor(`pgbouncer on port ${port}`, async () => {
    const client = new Client({ connectionString: pooledUrl(serverUrl) });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    return true;
  });
  return {
    port,
    pooledUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
