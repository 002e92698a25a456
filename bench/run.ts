import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchOptions, ScenarioName } from './cli/bench-options';
import { parseOptions } from './cli/parse-options';
import { ScimClient } from './http/scim-client';
import { machineInfo } from './report/machine';
import { printResult } from './report/print-result';
import { eventsScenario } from './scenarios/events.scenario';
import { groupsScenario } from './scenarios/groups.scenario';
import { lookupsScenario } from './scenarios/lookups.scenario';
import { pagingScenario } from './scenarios/paging.scenario';
import { patchScenario } from './scenarios/patch.scenario';
import { replicasScenario } from './scenarios/replicas.scenario';
import { Scenario, ScenarioContext, ScenarioResult, TenantSession } from './scenarios/scenario';
import { syncScenario } from './scenarios/sync.scenario';
import { BenchTenant, createBenchTenant, deleteBenchTenant } from './setup/bench-tenant';
import { databaseName } from './setup/seed-users';
import { findServerPid } from './stats/find-server-pid';
import { cpuSnapshot } from './stats/process-cpu';

const SCENARIO_RUNNERS: Record<ScenarioName, Scenario> = {
  sync: syncScenario,
  lookups: lookupsScenario,
  patch: patchScenario,
  paging: pagingScenario,
  groups: groupsScenario,
  events: eventsScenario,
  replicas: replicasScenario,
};

function context(options: BenchOptions, runId: string, apiPid: number | undefined, opened: TenantSession[]): ScenarioContext {
  const database = databaseName(options.databaseUrl);
  return {
    options,
    runId,
    scimPath: '/scim/v2',
    async openTenant(scenario, connections) {
      const tenant: BenchTenant = options.scimToken
        ? { name: 'given', token: options.scimToken }
        : await createBenchTenant(options.baseUrl, options.adminToken!, scenario, runId);
      const session = { tenant, client: new ScimClient(options.baseUrl, tenant.token, connections) };
      opened.push(session);
      return session;
    },
    cpu: () => cpuSnapshot(apiPid, database),
    log: (message) => console.log(`   ${message}`),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const runId = Date.now().toString(36);
  const apiPid = options.apiPid ?? findServerPid(options.baseUrl, options.baseline ? 'bench/baseline/bare-server.js' : 'dist/apps/api/main.js');
  if (!apiPid) console.warn('server process not found: API CPU reads as 0 (pass --api-pid)');
  if (!databaseName(options.databaseUrl)) console.warn('no DATABASE_URL: Postgres CPU counts background processes only');
  const machine = await machineInfo(options.databaseUrl);
  console.log(`bench ${runId} -> ${options.baseUrl} (pid ${apiPid ?? '?'}), ${machine.nproc} x ${machine.cpuModel}, load ${machine.loadAverage.join(' ')}`);

  const results: ScenarioResult[] = [];
  const failures: Record<string, string> = {};
  const opened: TenantSession[] = [];
  const ctx = context(options, runId, apiPid, opened);
  try {
    for (const name of options.scenarios) {
      try {
        const result = await SCENARIO_RUNNERS[name](ctx);
        results.push(result);
        printResult(result);
      } catch (error) {
        failures[name] = error instanceof Error ? error.message : String(error);
        console.error(`\n== ${name} FAILED: ${failures[name]}`);
      }
    }
  } finally {
    for (const session of opened) {
      await session.client.close();
      if (!options.keepTenants && options.adminToken && session.tenant.id) {
        await deleteBenchTenant(options.baseUrl, options.adminToken, session.tenant).catch((e) => console.warn(`could not delete ${session.tenant.name}: ${e}`));
      }
    }
  }

  mkdirSync(options.resultsDir, { recursive: true });
  const file = join(options.resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${options.label}.json`);
  const { adminToken: _a, scimToken: _s, databaseUrl: _d, ...recordedOptions } = options;
  writeFileSync(file, `${JSON.stringify({ runId, machine, options: recordedOptions, apiPid, results, failures }, null, 2)}\n`);
  console.log(`\nresults: ${file}`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
