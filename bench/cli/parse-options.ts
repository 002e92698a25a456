import { join } from 'node:path';
import { BenchOptions, ScenarioName, SCENARIOS } from './bench-options';

const USAGE = `usage: npm run bench -- [${SCENARIOS.join('|')} ...] [flags]
  --base-url URL        server under test (env BENCH_BASE_URL, default http://127.0.0.1:3000); loopback only
  --admin-token T       admin API token used to create the bench tenant (env ADMIN_TOKEN)
  --scim-token T        use this SCIM token instead of creating a tenant (env BENCH_SCIM_TOKEN)
  --baseline            target bench/baseline/bare-server.ts: any bearer, no admin API (sync only)
  --database-url URL    Postgres of the server, for SQL seeding and per-database CPU (env DATABASE_URL)
  --api-pid PID         process to time (default: found by its command line)
  --users N             users created by the sync scenario (default 5000)
  --concurrency N       sync clients (default 32)
  --lookups N           lookups per tenant size (default 5000)
  --small N / --large N tenant sizes of the lookup scenario (default 5000 / 100000)
  --patches N           PATCH requests (default 3000)
  --paging-users N      users paged through (default 100000 with --database-url, else 2000)
  --group-size N        members the group grows to (default 10000)
  --events N            users written per phase of the events scenario (default 3000)
  --light-rate N        events scenario light load, users per second (default 20)
  --light-events N      users written at light load (default 300)
  --worker-cpu-prof DIR run the events scenario's worker with --cpu-prof (one profile per worker start)
  --max-seconds N       time bound of each phase (default 120)
  --keep                keep the bench tenants (default: delete them at the end)
  --label NAME          suffix of the result file (default: "baseline" or "api")
  results go to bench/results/ (env BENCH_RESULTS_DIR to change)`;

function loopbackOnly(raw: string): string {
  const url = new URL(raw);
  // The bench floods its target; it must never be pointed at anything but this machine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`--base-url must be a loopback address (got ${url.hostname})`);
  }
  return raw.replace(/\/+$/, '');
}

function positiveInt(flag: string, raw: string | undefined): number {
  if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${flag} needs a positive whole number`);
  return Number(raw);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string | true>();
  const scenarios: ScenarioName[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    if (arg === '--baseline' || arg === '--keep') flags.set(arg, true);
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
      flags.set(name, value);
    } else if ((SCENARIOS as readonly string[]).includes(arg)) scenarios.push(arg as ScenarioName);
    else throw new Error(`unknown scenario "${arg}"\n${USAGE}`);
  }
  const str = (name: string, envName?: string): string | undefined => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : envName ? env[envName] || undefined : undefined;
  };
  const int = (name: string, fallback: number): number => (flags.has(name) ? positiveInt(name, str(name)) : fallback);
  const baseline = flags.has('--baseline');
  const databaseUrl = str('--database-url', 'DATABASE_URL');
  const known = new Set(['--base-url', '--admin-token', '--scim-token', '--baseline', '--database-url', '--api-pid', '--users',
    '--concurrency', '--lookups', '--small', '--large', '--patches', '--paging-users', '--group-size', '--events', '--light-rate', '--light-events', '--worker-cpu-prof', '--max-seconds', '--keep', '--label']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag ${name}\n${USAGE}`);

  const options: BenchOptions = {
    // events starts a worker on the API's database, so it runs by default only when that database is known.
    // replicas starts processes of its own (a second API, two workers): only when named.
    scenarios: scenarios.length > 0 ? scenarios : baseline ? ['sync'] : SCENARIOS.filter((s) => s !== 'replicas' && (s !== 'events' || databaseUrl)),
    baseUrl: loopbackOnly(str('--base-url', 'BENCH_BASE_URL') ?? 'http://127.0.0.1:3000'),
    baseline,
    adminToken: str('--admin-token', 'ADMIN_TOKEN'),
    scimToken: str('--scim-token', 'BENCH_SCIM_TOKEN') ?? (baseline ? 'baseline' : undefined),
    databaseUrl,
    apiPid: flags.has('--api-pid') ? positiveInt('--api-pid', str('--api-pid')) : undefined,
    syncUsers: int('--users', 5000),
    syncConcurrency: int('--concurrency', 32),
    lookupRequests: int('--lookups', 5000),
    lookupSmallTenant: int('--small', 5000),
    lookupLargeTenant: int('--large', 100_000),
    patchRequests: int('--patches', 3000),
    pagingUsers: int('--paging-users', databaseUrl ? 100_000 : 2000),
    groupMembers: int('--group-size', 10_000),
    eventCount: int('--events', 3000),
    lightRate: int('--light-rate', 20),
    lightEvents: int('--light-events', 300),
    workerCpuProfileDir: str('--worker-cpu-prof'),
    maxSeconds: int('--max-seconds', 120),
    keepTenants: flags.has('--keep'),
    label: str('--label') ?? (baseline ? 'baseline' : 'api'),
    resultsDir: env.BENCH_RESULTS_DIR || join(__dirname, '..', '..', '..', 'bench', 'results'),
  };
  if (baseline && options.scenarios.some((s) => s !== 'sync')) throw new Error('--baseline implements only the sync scenario');
  for (const scenario of ['events', 'replicas'] as const) {
    if (options.scenarios.includes(scenario) && (!databaseUrl || options.scimToken)) {
      throw new Error(`the ${scenario} scenario needs DATABASE_URL (its workers use the API's database) and a tenant it creates (no --scim-token)`);
    }
  }
  if (!options.scimToken && !options.adminToken) throw new Error('set ADMIN_TOKEN (or --admin-token) so the bench can create its tenant');
  return options;
}
