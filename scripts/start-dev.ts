import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@provisio/config';
import { runMigrations } from '@provisio/database';
import { loadMigrations } from '../migrations';
import { devDatabase } from './dev-database';
import { printWelcome } from './welcome';

/**
 * `npm start`: the quick start. Uses DATABASE_URL or an embedded PostgreSQL under ./.data, migrates,
 * generates an ADMIN_TOKEN when none is set (development only), then runs the API and the worker.
 * The audit signing key is generated once and kept under ./.data, so checkpoints stay verifiable across restarts.
 */
async function main(): Promise<void> {
  const db = await devDatabase();
  const generatedAdminToken = !process.env.ADMIN_TOKEN && process.env.NODE_ENV !== 'production';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    ADMIN_TOKEN: process.env.ADMIN_TOKEN || `adm_${randomBytes(24).toString('base64url')}`,
    AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY || (process.env.NODE_ENV === 'production' ? undefined : devAuditSigningKey()),
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

/** Development only: an Ed25519 key generated on the first start and kept (readable by this user only) under ./.data. */
function devAuditSigningKey(): string {
  const dir = join(process.cwd(), '.data');
  const file = join(dir, 'audit-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, pem, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
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
