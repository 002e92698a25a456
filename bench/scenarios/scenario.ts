import { BenchOptions } from '../cli/bench-options';
import { ScimClient } from '../http/scim-client';
import { BenchTenant } from '../setup/bench-tenant';
import { CpuSnapshot } from '../stats/process-cpu';
import { LatencySummary } from '../stats/latency-recorder';

/** One line of a scenario's printed table and of its JSON record. */
export interface ResultRow extends LatencySummary {
  label: string;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface ScenarioResult {
  scenario: string;
  params: Record<string, unknown>;
  rows: ResultRow[];
  /** Scenario-specific figures: users/s, CPU per user, first vs last batches. */
  figures: Record<string, number | string | boolean | null>;
  cpu?: CpuSnapshot;
  targets: TargetCheck[];
  /** 1-minute load average before and after: a figure taken above ~1.5 on 2 cores is noise. */
  loadAverage: { before: number; after: number };
}

export interface TenantSession {
  tenant: BenchTenant;
  client: ScimClient;
}

/** What every scenario gets from the runner; tenants it opens are deleted at the end unless --keep. */
export interface ScenarioContext {
  options: BenchOptions;
  runId: string;
  /** SCIM base path on the server, e.g. /scim/v2. */
  scimPath: string;
  openTenant(scenario: string, connections: number): Promise<TenantSession>;
  cpu(): CpuSnapshot;
  log(message: string): void;
}

export type Scenario = (ctx: ScenarioContext) => Promise<ScenarioResult>;
