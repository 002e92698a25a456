import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: /proc/<pid>/stat counts CPU time in clock ticks, 100 per second on Linux x86-64. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  comm: string;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}

function readStat(pid: number): ProcStat | undefined {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
  // comm is in parentheses and may contain spaces; the fields after ") " are space-separated (proc(5)).
  const close = raw.lastIndexOf(')');
  const fields = raw.slice(close + 2).split(' ');
  return {
    comm: raw.slice(raw.indexOf('(') + 1, close),
    utime: Number(fields[11]),
    stime: Number(fields[12]),
    cutime: Number(fields[13]),
    cstime: Number(fields[14]),
  };
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

function pids(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** The first process whose command line contains `needle` (the API: dist/apps/api/main.js). */
export function findPid(needle: string): number | undefined {
  return pids().find((pid) => pid !== process.pid && cmdline(pid).includes(needle) && !cmdline(pid).includes('dist/bench/run.js'));
}

export interface CpuSnapshot {
  apiMs: number;
  /** The Postgres CPU we charge to the server: own backends + background when the database is known, else every process. */
  postgresMs: number;
  /** Every postgres process, plus the CPU of exited backends the postmaster has reaped (cutime/cstime). */
  postgresAllMs: number;
  /** Backends connected to the server's own database: unaffected by other users of a shared Postgres. */
  postgresDbMs: number;
  /** WAL writer, checkpointer, background writer, autovacuum: shared, but driven mostly by our writes. */
  postgresBackgroundMs: number;
  benchMs: number;
}

const ms = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

/** CPU (user + system) one process has used so far, in ms; 0 once it has gone. */
export function processCpuMs(pid: number | undefined): number {
  const stat = pid ? readStat(pid) : undefined;
  return stat ? ms(stat.utime + stat.stime) : 0;
}

export function cpuSnapshot(apiPid: number | undefined, database: string | undefined): CpuSnapshot {
  const api = apiPid ? readStat(apiPid) : undefined;
  let all = 0;
  let db = 0;
  let background = 0;
  for (const pid of pids()) {
    const stat = readStat(pid);
    if (!stat || stat.comm !== 'postgres') continue;
    const line = cmdline(pid);
    const own = stat.utime + stat.stime;
    // The postmaster is the only postgres process whose command line is the binary path.
    all += own + (line.includes('bin/postgres') ? stat.cutime + stat.cstime : 0);
    // Backend titles read "postgres: [<cluster>: ]<user> <database> <host>(<port>) <state>".
    const backend = /^postgres: (?:\S+: )?\S+ (\S+) \S+\(\d+\)/.exec(line);
    if (backend && backend[1] === database) db += own;
    else if (!backend && !line.includes('bin/postgres')) background += own;
  }
  const usage = process.cpuUsage();
  return {
    apiMs: api ? ms(api.utime + api.stime) : 0,
    postgresMs: database ? ms(db + background) : ms(all),
    postgresAllMs: ms(all),
    postgresDbMs: ms(db),
    postgresBackgroundMs: ms(background),
    benchMs: (usage.user + usage.system) / 1000,
  };
}

export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  return {
    apiMs: after.apiMs - before.apiMs,
    postgresMs: after.postgresMs - before.postgresMs,
    postgresAllMs: after.postgresAllMs - before.postgresAllMs,
    postgresDbMs: after.postgresDbMs - before.postgresDbMs,
    postgresBackgroundMs: after.postgresBackgroundMs - before.postgresBackgroundMs,
    benchMs: after.benchMs - before.benchMs,
  };
}
