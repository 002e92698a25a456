import 'reflect-metadata';
import { AuditSealer, AuditSealLoop, CheckpointSigner } from '@provisio/audit';
import { loadConfig } from '@provisio/config';
import { buildDataSourceOptions } from '@provisio/database';
import { DataSource } from 'typeorm';

/**
 * MEASUREMENT ONLY: the worker's audit sealer (AuditSealLoop, the same classes apps/worker runs) on its own,
 * so a pgbench run of bench/pgbench/write-path.sql pays for sealing while it writes, as production does.
 * Prints `ready` once connected, then runs until SIGINT/SIGTERM and prints how many events it sealed and how many
 * were still unsealed. With `--drain` it stops by itself once nothing is unsealed and reports the sealing rate.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pgbench node dist/bench/audit/seal-while-loading.js [--drain]
 */
async function main(): Promise<void> {
  const config = loadConfig({ ADMIN_TOKEN: 'x'.repeat(24), ...process.env });
  const dataSource = await new DataSource(buildDataSourceOptions({ url: config.databaseUrl, applicationName: 'bench-sealer', poolSize: 4 })).initialize();
  const loop = new AuditSealLoop(dataSource, new AuditSealer(dataSource, new CheckpointSigner(config), config));
  const unsealed = async (): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE sequence IS NULL`))[0].n;
  const backlog = await unsealed();
  console.log('ready');
  const started = Date.now();
  loop.onApplicationBootstrap();
  const stop = async () => {
    await loop.onModuleDestroy();
    const [counts] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE sequence IS NOT NULL)::int AS sealed, count(*) FILTER (WHERE sequence IS NULL)::int AS unsealed FROM audit_events`,
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify({ seconds, ...counts, ...(drain ? { backlog, eventsPerSecond: Math.round(backlog / seconds) } : {}) }));
    await dataSource.destroy();
  };
  const drain = process.argv.includes('--drain');
  if (drain) {
    while ((await unsealed()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    return stop();
  }
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
