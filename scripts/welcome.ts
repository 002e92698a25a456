import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { AppConfig } from '@provisio/config';
import type { DevDatabase } from './dev-database';
import type { DevAdminToken } from './dev/dev-admin-token';
import type { SandboxTenant } from './dev/sandbox-tenant';

export async function waitForLive(base: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health/live`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

interface State {
  db: DevDatabase;
  admin: DevAdminToken;
  sandbox?: SandboxTenant;
  redis?: 'connected' | 'unreachable';
}

const here = (path: string) => `./${relative(process.cwd(), path)}`;

/**
 * The banner, printed last once the API and the worker are up: what a newcomer needs next, fitted to
 * the state (the sandbox tenant that exists, a tenant name that is still free, whether Redis answers).
 */
export function printWelcome(config: AppConfig, state: State): void {
  const base = config.publicBaseUrl ?? `http://localhost:${config.port}`;
  const { db, admin, sandbox, redis } = state;
  const cluster = db.dataDir && realpathSync(db.dataDir);
  const moved = cluster && !cluster.startsWith(process.cwd()) ? ` (→ ${cluster}, where the postgres user can read it)` : '';
  const database = db.embedded ? `embedded PostgreSQL, data in ./.data/postgres${moved}` : 'DATABASE_URL';
  const lines = [
    '',
    '━━ Provisio is running ━━',
    `  Sandbox          ${base}/api/doc/scim_rest${sandbox ? `   (opens authorised as tenant "${sandbox.name}")` : ''}`,
    `  SCIM base URL    ${base}/scim/v2`,
  ];
  if (sandbox) {
    lines.push(`  Sandbox tenant   ${sandbox.name} (${sandbox.id})`, `  SCIM token       ${sandbox.token}   (kept in ${here(sandbox.file)})`);
  }
  lines.push(
    `  Admin token      ${admin.file ? `${admin.token}   (kept in ${here(admin.file)}; set ADMIN_TOKEN to use another)` : 'from ADMIN_TOKEN'}`,
    `  Queue dashboard  ${base}/admin/queues   (any user name, the admin token as password)`,
    `  Database         ${database}`,
    `  Redis            ${redisLine(config.redisUrl, redis)}`,
    '',
  );
  if (sandbox) {
    lines.push('Try it:', `  curl -s ${base}/scim/v2/Users -H "Authorization: Bearer ${sandbox.token}"`);
  }
  const name = freeTenantName(sandbox?.tenantNames ?? []);
  lines.push(
    'Another tenant and its SCIM token (the token is shown once):',
    `  npm run cli -- tenant:create ${name}`,
    '',
  );
  console.log(lines.join('\n'));
}

function redisLine(url: string, state: State['redis']): string {
  if (state === 'unreachable') {
    return `not reachable at ${url}: SCIM works, events wait in the outbox. Start one: redis-server --daemonize yes (Debian: apt-get install redis-server)`;
  }
  return state === 'connected' ? `${url} (connected)` : url;
}

/** "acme", or "acme-2", "acme-3", ... when taken: a suggestion that answers 201, not 409. */
function freeTenantName(taken: string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  let name = 'acme';
  for (let n = 2; lower.has(name); n++) name = `acme-${n}`;
  return name;
}
