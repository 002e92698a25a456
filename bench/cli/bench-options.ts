export const SCENARIOS = ['sync', 'lookups', 'patch', 'paging', 'groups', 'events', 'replicas'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  scenarios: ScenarioName[];
  baseUrl: string;
  /** Bench against bench/baseline/bare-server.ts: any bearer is accepted, no admin API, sync only. */
  baseline: boolean;
  adminToken?: string;
  /** When set, SCIM traffic uses this token and no tenant is created (the tenant must be empty enough). */
  scimToken?: string;
  /** Direct Postgres access for seeding large tenants and for naming the database whose backends we time. */
  databaseUrl?: string;
  apiPid?: number;
  syncUsers: number;
  syncConcurrency: number;
  lookupRequests: number;
  lookupSmallTenant: number;
  lookupLargeTenant: number;
  patchRequests: number;
  pagingUsers: number;
  groupMembers: number;
  /** Users written in the events scenario's full-load phase and again in its backlog phase. */
  eventCount: number;
  /** The events scenario's light load: users created per second, and how many. */
  lightRate: number;
  lightEvents: number;
  /** Run the events scenario's worker with --cpu-prof, profiles written here. */
  workerCpuProfileDir?: string;
  /** Every scenario phase stops after this many seconds even if its count is not reached. */
  maxSeconds: number;
  keepTenants: boolean;
  label: string;
  resultsDir: string;
}
