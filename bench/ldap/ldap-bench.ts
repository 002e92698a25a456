import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Attribute, Change } from 'ldapts';
import { WorkerProcess } from '../events/worker-process';
import { ScimClient } from '../http/scim-client';
import { runWorkers } from '../load/run-workers';
import { entraCreateUser } from '../scenarios/entra-requests';
import { createBenchTenant, BenchTenant } from '../setup/bench-tenant';
import { seedUsers } from '../setup/seed-users';
import { admin, until } from './admin-client';
import { ApiProcess } from './api-process';
import { seedGroups } from './seed-groups';
import { ThrowawaySlapd } from './throwaway-slapd';

/**
 * LDAP connector figures (docs/benchmarks.md "LDAP connector"), all against a throwaway slapd on loopback, one
 * API and one worker process on the database given in DATABASE_URL (bench/ldap/run-ldap-bench.sh makes one):
 * 1. resync of USERS users and GROUPS groups (group 0 holds every user, the others PER_GROUP each) into an
 *    empty directory, then a second resync of the same (nothing to create: the steady-state cost);
 * 2. adding a batch of 100 members to a group of 10,000 vs to an empty group, through SCIM PATCH, each timed
 *    from the PATCH to the members being in the directory;
 * 3. sustained events: EVENTS users POSTed by 16 clients, to a tenant without connector and then to one
 *    with the LDAP connector: the API's write rate side by side, and the rate at which entries arrive.
 */
const USERS = Number(process.env.LDAP_BENCH_USERS ?? 10_000);
const GROUPS = Number(process.env.LDAP_BENCH_GROUPS ?? 100);
const PER_GROUP = 100;
const EVENTS = Number(process.env.LDAP_BENCH_EVENTS ?? 2000);
const BATCH = 100;
const LARGE = 10_000;
const PHASES = (process.env.LDAP_BENCH_PHASES ?? 'resync,batch,events').split(',');
const ROUNDS = 3;
const CLIENTS = 16;
const MAX_SECONDS = Number(process.env.LDAP_BENCH_MAX_SECONDS ?? 600);

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const say = (line: string) => console.log(line);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

interface Run {
  api: ApiProcess;
  slapd: ThrowawaySlapd;
  adminToken: string;
  databaseUrl: string;
}

async function connect(run: Run, tenant: BenchTenant): Promise<{ id: string; usersDn: string; groupsDn: string }> {
  const { usersDn, groupsDn } = await run.slapd.subtrees();
  const connector = await admin<{ id: string }>(run.api.baseUrl, run.adminToken, 'POST', `/admin/v1/tenants/${tenant.id}/connectors`, {
    type: 'ldap', url: run.slapd.url, bindDn: run.slapd.adminDn, bindPassword: run.slapd.adminPassword, usersDn, groupsDn, preset: 'openldap',
  });
  return { id: connector.id, usersDn, groupsDn };
}

async function count(slapd: ThrowawaySlapd, base: string, filter: string): Promise<number> {
  return slapd.admin(async (client) => {
    let n = 0;
    for await (const page of client.searchPaginated(base, { scope: 'one', filter, attributes: ['1.1'], paged: { pageSize: 1000 } })) n += page.searchEntries.length;
    return n;
  });
}

async function memberCount(slapd: ThrowawaySlapd, groupDn: string): Promise<number> {
  const [group] = await slapd.admin(async (client) => (await client.search(groupDn, { scope: 'base', attributes: ['member'] })).searchEntries);
  const members = group?.member;
  return Array.isArray(members) ? members.filter((m) => m !== '').length : members ? 1 : 0;
}

async function resync(run: Run, tenantId: string, connectorId: string): Promise<{ ms: number; summary: unknown }> {
  const path = `/admin/v1/tenants/${tenantId}/connectors/${connectorId}`;
  const queued = await admin<{ id: string }>(run.api.baseUrl, run.adminToken, 'POST', `${path}/resync`);
  let done: { status: string; summary: unknown; error: string | null; startedAt: string; finishedAt: string } | undefined;
  await until(async () => {
    done = await admin(run.api.baseUrl, run.adminToken, 'GET', `${path}/resyncs/${queued.id}`);
    return done!.status === 'succeeded' || done!.status === 'failed';
  }, MAX_SECONDS * 1000, 'the resync', 500);
  if (done!.status !== 'succeeded') throw new Error(`resync failed: ${done!.error}`);
  return { ms: Date.parse(done!.finishedAt) - Date.parse(done!.startedAt), summary: done!.summary };
}

async function resyncPhase(run: Run): Promise<void> {
  const tenant = await createBenchTenant(run.api.baseUrl, run.adminToken, 'ldap-resync', Date.now().toString(36));
  await seedUsers(run.databaseUrl, tenant.id!, 'ldr', 1, USERS);
  await seedGroups(run.databaseUrl, tenant.id!, 'ldg', GROUPS, PER_GROUP);
  const connector = await connect(run, tenant);
  say(`== resync: ${USERS} users, ${GROUPS} groups (one with all ${USERS} users, the others ${PER_GROUP} each); load ${load()}`);
  const first = await resync(run, tenant.id!, connector.id);
  const users = await count(run.slapd, connector.usersDn, '(objectClass=inetOrgPerson)');
  const groups = await count(run.slapd, connector.groupsDn, '(objectClass=groupOfNames)');
  const large = await memberCount(run.slapd, `cn=ldg-0,${connector.groupsDn}`);
  say(`   first resync  ${seconds(first.ms)} s = ${Math.round((USERS / first.ms) * 1000)} users/s; in the directory: ${users} users, ${groups} groups, ${large} members in the large group`);
  say(`   summary ${JSON.stringify(first.summary)}`);
  const second = await resync(run, tenant.id!, connector.id);
  say(`   second resync ${seconds(second.ms)} s (nothing to create: replace every entry, compare every group); load ${load()}`);
}

/** A group of the tenant, created through SCIM and waited for in the directory; returns its id and DN. */
async function scimGroup(run: Run, client: ScimClient, connector: { groupsDn: string }, name: string): Promise<{ id: string; dn: string }> {
  const created = await client.send<{ id: string }>('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: name });
  if (created.status !== 201) throw new Error(`POST /Groups answered ${created.status}`);
  await until(async () => (await count(run.slapd, connector.groupsDn, `(cn=${name})`)) === 1, 60_000, `the group ${name}`);
  return { id: created.body.id, dn: `cn=${name},${connector.groupsDn}` };
}

async function batchPhase(run: Run): Promise<void> {
  const tenant = await createBenchTenant(run.api.baseUrl, run.adminToken, 'ldap-batch', Date.now().toString(36));
  const connector = await connect(run, tenant);
  const client = new ScimClient(`${run.api.baseUrl}/scim/v2`, tenant.token, CLIENTS);
  try {
    // The large group gets LARGE member values straight in the directory: slapd does not require member DNs
    // to exist, and the connector never reads them, so they weigh on the modify exactly like real ones.
    const large = await scimGroup(run, client, connector, 'ldb-large');
    const filler = Array.from({ length: LARGE }, (_, i) => `uid=filler-${i},${connector.usersDn}`);
    await run.slapd.admin((ldap) => ldap.modify(large.dn, [new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: filler }) })]));
    say(`== ${BATCH} members added to a ${await memberCount(run.slapd, large.dn)}-member group vs to an empty group (PATCH to members in the directory); load ${load()}`);
    const timings: Record<'large' | 'empty', number[]> = { large: [], empty: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of ['large', 'empty'] as const) {
        const ids: string[] = [];
        await runWorkers(BATCH, CLIENTS, MAX_SECONDS, async (i) => {
          const res = await client.send<{ id: string }>('POST', '/Users', entraCreateUser(`ldb-${round}-${target}-${i}@bench.example`, i));
          if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}`);
          ids.push(res.body.id);
        });
        const group = target === 'large' ? large : await scimGroup(run, client, connector, `ldb-empty-${round}`);
        // Let the users' own creates drain first, so the timing is the member batch alone.
        await until(async () => (await count(run.slapd, connector.usersDn, `(uid=ldb-${round}-${target}-*)`)) === BATCH, 120_000, 'the batch users');
        const before = await memberCount(run.slapd, group.dn);
        const started = performance.now();
        const patched = await client.send('PATCH', `/Groups/${group.id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }],
        });
        if (patched.status >= 300) throw new Error(`PATCH /Groups answered ${patched.status}`);
        await until(async () => (await memberCount(run.slapd, group.dn)) === before + BATCH, 60_000, 'the member batch', 20);
        timings[target].push(performance.now() - started);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    say(`   large group: ${timings.large.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(timings.large).toFixed(0)})`);
    say(`   empty group: ${timings.empty.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(timings.empty).toFixed(0)}); ratio ${(median(timings.large) / median(timings.empty)).toFixed(2)}; load ${load()}`);
  } finally {
    await client.close();
  }
}

async function write(run: Run, tenant: BenchTenant, prefix: string): Promise<{ ms: number; firstAt: number; lastAt: number }> {
  const client = new ScimClient(`${run.api.baseUrl}/scim/v2`, tenant.token, CLIENTS);
  try {
    const firstAt = performance.now();
    await runWorkers(EVENTS, CLIENTS, MAX_SECONDS, async (i) => {
      const res = await client.send('POST', '/Users', entraCreateUser(`${prefix}-${i}@bench.example`, i));
      if (res.status !== 201) throw new Error(`POST /Users answered ${res.status}`);
    });
    const lastAt = performance.now();
    return { ms: lastAt - firstAt, firstAt, lastAt };
  } finally {
    await client.close();
  }
}

async function eventsPhase(run: Run): Promise<void> {
  const runId = Date.now().toString(36);
  say(`== sustained events: ${EVENTS} users POSTed by ${CLIENTS} clients; load ${load()}`);
  const bare = await createBenchTenant(run.api.baseUrl, run.adminToken, 'ldap-none', runId);
  const without = await write(run, bare, 'lde-none');
  say(`   without connector: API ${Math.round((EVENTS / without.ms) * 1000)} users/s; load ${load()}`);
  const tenant = await createBenchTenant(run.api.baseUrl, run.adminToken, 'ldap-events', runId);
  const connector = await connect(run, tenant);
  const withLdap = await write(run, tenant, 'lde');
  await until(async () => (await count(run.slapd, connector.usersDn, '(objectClass=inetOrgPerson)')) >= EVENTS, MAX_SECONDS * 1000, 'every entry', 200);
  const drainedAt = performance.now();
  say(`   with LDAP connector: API ${Math.round((EVENTS / withLdap.ms) * 1000)} users/s; all ${EVENTS} entries in the directory ${seconds(drainedAt - withLdap.firstAt)} s after the first POST`
    + ` = ${Math.round((EVENTS / (drainedAt - withLdap.firstAt)) * 1000)} entries/s, ${seconds(drainedAt - withLdap.lastAt)} s after the last; load ${load()}`);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const adminToken = process.env.ADMIN_TOKEN;
  if (!databaseUrl || !adminToken) throw new Error('DATABASE_URL and ADMIN_TOKEN are required (see bench/ldap/run-ldap-bench.sh)');
  say(`ldap bench: node ${process.version}, load ${load()}`);
  const slapd = await ThrowawaySlapd.start();
  const api = new ApiProcess(databaseUrl, Number(process.env.LDAP_BENCH_PORT ?? 3701));
  const worker = new WorkerProcess(databaseUrl);
  try {
    await api.start();
    worker.start();
    const run: Run = { api, slapd, adminToken, databaseUrl };
    if (PHASES.includes('resync')) await resyncPhase(run);
    if (PHASES.includes('batch')) await batchPhase(run);
    if (PHASES.includes('events')) await eventsPhase(run);
  } finally {
    await worker.stop();
    await api.stop();
    await slapd.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
