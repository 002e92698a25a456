import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '@provisio/config';
import { runMigrations } from '@provisio/database';
import { startFailureLine } from '@provisio/observability';
import { loadMigrations } from '../migrations';
import { DEV_DATA_DIR, devDatabase, embeddedNeedsInit } from './dev-database';
import { devAdminToken } from './dev/dev-admin-token';
import { DevLog } from './dev/dev-log';
import { ensureSandboxTenant, SandboxTenant } from './dev/sandbox-tenant';
import { printWelcome, waitForLive } from './welcome';

const step = (text: string) => console.log(`▸ ${text}`);

/**
 * `npm start`: the quick start. Uses DATABASE_URL or an embedded PostgreSQL under ./.data, migrates,
 * keeps a development admin token and a sandbox tenant under ./.data, runs the API and the worker
 * with a readable log, and prints the banner last, once both are up.
 * The audit signing key is generated once and kept under ./.data, so checkpoints stay verifiable across restarts.
 */
async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    step(embeddedNeedsInit() ? 'Initialising the embedded PostgreSQL under ./.data (first start only, about half a minute)…' : 'Starting the embedded PostgreSQL under ./.data…');
  }
  const db = await devDatabase();
  const admin = devAdminToken(DEV_DATA_DIR);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    ADMIN_TOKEN: admin.token,
    AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY || (process.env.NODE_ENV === 'production' ? undefined : devAuditSigningKey()),
  };
  let config = loadConfig(env);
  step('Applying database migrations…');
  await runMigrations(config.databaseUrl, loadMigrations());
  let sandbox: SandboxTenant | undefined;
  if (config.nodeEnv === 'development') {
    step('Preparing the sandbox tenant…');
    sandbox = await ensureSandboxTenant(config, DEV_DATA_DIR);
    env.SANDBOX_SCIM_TOKEN = sandbox.token;
    config = loadConfig(env);
  }
  step('Starting the API and the worker…');

  const log = new DevLog();
  let redis: 'connected' | 'unreachable' | undefined;
  log.onLine((line) => {
    if (line.context === 'Worker' && /Redis/.test(line.msg ?? '')) redis = /unreachable/.test(line.msg ?? '') ? 'unreachable' : 'connected';
  });
  const children = [run(join(__dirname, '../apps/api/main.js'), env, log)];
  const workerMain = join(__dirname, '../apps/worker/main.js');
  if (existsSync(workerMain)) children.push(run(workerMain, env, log));

  const stop = async (code: number) => {
    if (code === 0) step('Stopping…');
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    await db.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  children.forEach((child) => child.once('exit', (code) => code && void stop(1)));

  if (!(await waitForLive(`http://127.0.0.1:${config.port}`))) {
    console.error('Provisio could not start: the API did not answer within 60 s (see the lines above)');
    return stop(1);
  }
  await until(() => redis !== undefined || children.length < 2, 20_000);
  printWelcome(config, { db, admin, sandbox, redis });
}

/** Development only: an Ed25519 key generated on the first start and kept (readable by this user only) under ./.data. */
function devAuditSigningKey(): string {
  const dir = DEV_DATA_DIR;
  const file = join(dir, 'audit-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, pem, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8');
}

/** A child whose JSON log goes through DevLog; its stderr (a one-line start failure) passes through. */
function run(script: string, env: NodeJS.ProcessEnv, log: DevLog): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  log.follow(child.stdout!);
  createInterface({ input: child.stderr! }).on('line', (line) => console.error(line));
  child.on('error', (error) => console.error(`could not start ${script}: ${error.message}`));
  return child;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

main().catch((error: unknown) => {
  console.error(`Provisio could not start: ${startFailureLine(error)}`);
  process.exit(1);
});
