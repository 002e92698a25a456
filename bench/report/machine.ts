import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string | null;
  postgresSettings: Record<string, string>;
  loadAverage: number[];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

/** Settings that change write throughput the most, recorded next to the figures they shaped. */
const PG_SETTINGS = ['shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem'];

export async function machineInfo(databaseUrl?: string): Promise<MachineInfo> {
  const info: MachineInfo = {
    nproc: cpus().length,
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: null,
    postgresSettings: {},
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  if (!databaseUrl) return info;
  const client = new Client({ connectionString: databaseUrl, application_name: 'provisio-bench-info' });
  await client.connect();
  try {
    info.postgres = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v.split(' ')[0];
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)', [PG_SETTINGS]);
    for (const row of rows) info.postgresSettings[row.name] = row.unit ? `${row.setting} x ${row.unit}` : row.setting;
  } finally {
    await client.end();
  }
  return info;
}
