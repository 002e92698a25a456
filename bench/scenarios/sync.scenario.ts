import { loadavg } from 'node:os';
import { runWorkers } from '../load/run-workers';
import { entraFilter } from '../http/scim-client';
import { cpuDelta } from '../stats/process-cpu';
import { LatencyRecorder } from '../stats/latency-recorder';
import { entraCreateUser } from './entra-requests';
import { Scenario, TenantSession } from './scenario';

const TARGET_USERS_PER_SECOND = 450;
const TARGET_CPU_MS_PER_USER = 3;

/**
 * Entra's initial cycle: for each user, look it up by userName (expecting none) and create it.
 * 32 clients in a closed loop, into one tenant or (--tenants) several at once; CPU of the API and of Postgres is read from /proc before and after.
 */
export const syncScenario: Scenario = async (ctx) => {
  const { syncUsers, syncConcurrency, syncTenants, maxSeconds } = ctx.options;
  const sessions: TenantSession[] = [];
  for (let t = 0; t < syncTenants; t++) sessions.push(await ctx.openTenant(syncTenants > 1 ? `sync-${t + 1}` : 'sync', Math.ceil(syncConcurrency / syncTenants)));
  const lookups = new LatencyRecorder();
  const creates = new LatencyRecorder();
  const prefix = `sync-${ctx.runId}`;
  const loadBefore = loadavg()[0];
  const cpuBefore = ctx.cpu();

  // User i goes to tenant i mod N: with N tenants each sees about 1/N of the clients at any moment.
  const run = await runWorkers(syncUsers, syncConcurrency, maxSeconds, async (i) => {
    const session = sessions[i % sessions.length];
    const userName = `${prefix}.${i}@bench.example`;
    const found = await session.client.send<{ totalResults?: number }>('GET', `${ctx.scimPath}/Users?${entraFilter('userName', userName)}`);
    if (found.status === 200 && found.body.totalResults === 0) lookups.record(found.ms);
    else lookups.error(found.status);
    const created = await session.client.send('POST', `${ctx.scimPath}/Users`, entraCreateUser(userName, i));
    if (created.status === 201) creates.record(created.ms);
    else creates.error(created.status);
  });

  const cpu = cpuDelta(cpuBefore, ctx.cpu());
  const synced = creates.count;
  const usersPerSecond = (synced / run.elapsedMs) * 1000;
  const postgresMs = cpu.postgresMs;
  const perUser = (ms: number): number => Math.round((ms / Math.max(1, synced)) * 1000) / 1000;
  const cpuPerUser = perUser(cpu.apiMs + postgresMs);
  return {
    scenario: 'sync',
    params: { users: syncUsers, concurrency: syncConcurrency, tenants: syncTenants, completed: run.completed, timedOut: run.timedOut },
    rows: [
      { label: 'GET filter userName eq', ...lookups.summary(run.elapsedMs) },
      { label: 'POST /Users', ...creates.summary(run.elapsedMs) },
    ],
    figures: {
      usersPerSecond: Math.round(usersPerSecond * 10) / 10,
      elapsedSeconds: Math.round(run.elapsedMs) / 1000,
      apiCpuMsPerUser: perUser(cpu.apiMs),
      postgresCpuMsPerUser: perUser(postgresMs),
      postgresAllProcessesCpuMsPerUser: perUser(cpu.postgresAllMs),
      cpuMsPerUser: cpuPerUser,
      loadGeneratorCpuMsPerUser: perUser(cpu.benchMs),
    },
    cpu,
    targets: [
      { target: `>= ${TARGET_USERS_PER_SECOND} users/s at ${syncConcurrency} clients`, measured: `${usersPerSecond.toFixed(1)} users/s`, met: usersPerSecond >= TARGET_USERS_PER_SECOND },
      { target: `<= ${TARGET_CPU_MS_PER_USER} ms API + Postgres CPU per user`, measured: `${cpuPerUser} ms`, met: cpuPerUser <= TARGET_CPU_MS_PER_USER },
    ],
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
};
