import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { request } from 'undici';
import { WebhookReceiver } from '../events/webhook-receiver';
import { WorkerProcess } from '../events/worker-process';
import { ScimClient } from '../http/scim-client';
import { checkDeliveries, directorySnapshot, Query } from '../replicas/check-replicas';
import { runMixedLoad } from '../replicas/mixed-load';
import { createBenchWebhook } from '../setup/bench-tenant';
import { Scenario } from './scenario';

const API_MAIN = join(__dirname, '..', '..', 'apps', 'api', 'main.js');
const CONCURRENCY = 16;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(condition: () => Promise<boolean>, maxSeconds: number): Promise<boolean> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}

/**
 * Issue #9 item 7 at full size: the API the bench runs against plus a second API process on the same database,
 * Redis and queue prefix, two worker processes, the mixed load of test/events/multi-replica.e2e-spec.ts spread
 * over both APIs (--events users, their PATCHes, 20 groups of 50 members, deletes), a webhook receiver and a SCIM
 * push connector into a second tenant. Checks: nothing lost or reordered per resource, the audit chain verifies,
 * the connector's target equals the source.
 */
export const replicasScenario: Scenario = async (ctx) => {
  const { databaseUrl, adminToken, baseUrl, maxSeconds, eventCount } = ctx.options;
  if (!databaseUrl || !adminToken) throw new Error('the replicas scenario needs DATABASE_URL and ADMIN_TOKEN: it starts an API and two workers');
  const loadBefore = loadavg()[0];
  const port = await freePort();
  const secondApi = spawn(process.execPath, [API_MAIN], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  const secondBase = `http://127.0.0.1:${port}`;
  const workers = [new WorkerProcess(databaseUrl), new WorkerProcess(databaseUrl)];
  const receiver = new WebhookReceiver();
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const query: Query = async (sql, params) => (await pool.query(sql, params)).rows;
  const clients: ScimClient[] = [];
  try {
    if (!(await until(async () => (await request(`${secondBase}/health/live`).catch(() => null))?.statusCode === 200, 60))) {
      throw new Error('the second API did not start within 60 s');
    }
    for (const worker of workers) worker.start();
    const source = await ctx.openTenant('replicas', CONCURRENCY);
    const target = await ctx.openTenant('replicas-target', 1);
    const sourceId = source.tenant.id!;
    const targetId = target.tenant.id!;
    await createBenchWebhook(baseUrl, adminToken, source.tenant, await receiver.start());
    const connector = await request(`${baseUrl}/admin/v1/tenants/${source.tenant.id}/connectors`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'scim', baseUrl: `${secondBase}${ctx.scimPath}`, token: target.tenant.token, description: 'npm run bench replicas' }),
    });
    if (connector.statusCode !== 201) throw new Error(`creating the connector answered ${connector.statusCode}: ${await connector.body.text()}`);
    clients.push(new ScimClient(`${baseUrl}${ctx.scimPath}`, source.tenant.token, CONCURRENCY), new ScimClient(`${secondBase}${ctx.scimPath}`, source.tenant.token, CONCURRENCY));

    ctx.log(`mixed load: ${eventCount} users, 20 groups of 50, over 2 APIs, 2 workers`);
    const started = Date.now();
    const load = await runMixedLoad(clients, { users: eventCount, groups: 20, membersPerGroup: 50, concurrency: CONCURRENCY, maxSeconds, prefix: `rep-${ctx.runId}` });
    const committed = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1`, [sourceId]))[0].n;
    const firstArrivals = () => receiver.arrivals.map((a) => ({ id: a.eventId, sequence: a.sequence, data: a.resource }));
    await until(async () => receiver.arrivals.length >= committed, maxSeconds);
    const deliveredAfterMs = Date.now() - started;
    const openSyncs = async () => (await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM connector_syncs WHERE tenant_id = $1 AND status IN ('pending', 'failed')`, [sourceId]))[0].n;
    const syncsSettled = await until(async () => (await openSyncs()) === 0, maxSeconds);
    const deliveries = await checkDeliveries(query, sourceId, firstArrivals());
    const [sourceDirectory, targetDirectory] = [await directorySnapshot(query, sourceId), await directorySnapshot(query, targetId)];
    const targetEqualsSource = JSON.stringify(sourceDirectory) === JSON.stringify(targetDirectory);
    const deadSyncs = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM connector_syncs WHERE tenant_id = $1 AND status = 'dead'`, [sourceId]))[0].n;
    const verify = await request(`${baseUrl}/admin/v1/tenants/${source.tenant.id}/audit-events/verify`, { headers: { authorization: `Bearer ${adminToken}` } });
    const chainOk = ((await verify.body.json()) as { ok?: boolean }).ok === true;
    return {
      scenario: 'replicas',
      params: { users: eventCount, groups: 20, membersPerGroup: 50, apis: 2, workers: 2, concurrency: CONCURRENCY },
      rows: [],
      figures: {
        requests: load.requests,
        requestErrors: load.errors.length,
        requestsPerSecond: Math.round((load.requests / load.elapsedMs) * 10000) / 10,
        events: committed,
        eventsDeliveredPerSecond: Math.round((deliveries.delivered / deliveredAfterMs) * 10000) / 10,
        lost: deliveries.lost,
        reordered: deliveries.reordered,
        duplicates: receiver.duplicates,
        syncsSettled,
        deadSyncs,
        targetEqualsSource,
        chainOk,
      },
      targets: [
        { target: '0 lost, 0 reordered per resource', measured: `${deliveries.lost} lost, ${deliveries.reordered} reordered of ${committed}`, met: deliveries.lost === 0 && deliveries.reordered === 0 },
        { target: 'connector target equals source', measured: `${targetEqualsSource ? 'equal' : 'differs'}, ${deadSyncs} dead syncs`, met: targetEqualsSource && deadSyncs === 0 },
        { target: 'audit chain verifies', measured: chainOk ? 'ok' : 'broken', met: chainOk },
        { target: 'no request failed', measured: load.errors.slice(0, 3).join('; ') || 'none', met: load.errors.length === 0 },
      ],
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    };
  } finally {
    for (const client of clients) await client.close();
    await Promise.all(workers.map((worker) => worker.stop()));
    secondApi.kill('SIGTERM');
    await receiver.close();
    await pool.end();
  }
};
