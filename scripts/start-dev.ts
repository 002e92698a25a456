import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@provisio/config';
import { runMigrations } from '@provisio/database';
import { loadMigrations } from '../migrations';
import { devDatabase } from './dev-database';
import { printWelcome } from './welcome';

/**
 * `npm start`: the quick start. Uses DATABASE_URL or an embedded PostgreSQL under ./.data, migrates,
 * generates an ADMIN_TOKEN when none is set (development only), then runs the API and the worker.
 */
async function main(): Promise<void> {
  const db = await devDatabase();
  const generatedAdminToken = !process.env.ADMIN_TOKEN && process.env.NODE_ENV !== 'production';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    ADMIN_TOKEN: process.env.ADMIN_TOKEN || `adm_${randomBytes(24).toString('base64url')}`,
  };
  const config = loadConfig(env);
  await runMigrations(config.databaseUrl, loadMigrations());

  const children = [run('api', join(__dirname, '../apps/api/main.js'), env)];
  const workerMain = join(__dirname, '../apps/worker/main.js');
  if (existsSync(workerMain)) children.push(run('worker', workerMain, env));

  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  children.forEach((child) => child.once('exit', (code) => code && code !== 0 && stop()));

  await printWelcome(config, { embedded: db.embedded, adminTokenGenerated: generatedAdminToken });
}

function run(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  child.on('error', (error) => console.error(`${name} failed to start: ${error.message}`));
  return child;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
