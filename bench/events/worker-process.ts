import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const WORKER_MAIN = join(__dirname, '..', '..', 'apps', 'worker', 'main.js');
const COUNT_QUERIES = join(__dirname, '..', 'profile', 'count-queries.js');
/** The worker's own shutdown waits up to 20 s for in-flight jobs; past that we end it. */
const STOP_GRACE_MS = 25_000;
const OUTPUT_KEPT = 4000;

/**
 * One `npm run start:worker` process (outbox relay, event fan-out, webhook deliveries) started by the bench,
 * so the events scenario knows exactly one worker runs and can stop it to build a backlog. It inherits the
 * bench's environment (REDIS_URL, QUEUE_PREFIX, OUTBOUND_ALLOWED_HOSTS: the same as the API's) and the API's
 * DATABASE_URL.
 */
export class WorkerProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  private output = '';
  private starts = 0;

  /**
   * `cpuProfileDir`: run the worker with --cpu-prof (each start writes one profile there when it stops) and
   * count its SQL statements into worker-queries-<n>.json there (bench/profile/count-queries.ts).
   */
  constructor(
    private readonly databaseUrl: string,
    private readonly cpuProfileDir?: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Output of the worker so far (last few KB), for error messages. */
  get recentOutput(): string {
    return this.output;
  }

  start(): void {
    this.starts++;
    const dir = this.cpuProfileDir;
    const profiling = dir ? ['-r', COUNT_QUERIES, '--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
    const child = spawn(process.execPath, [...profiling, WORKER_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        COUNT_QUERIES_FILE: dir ? join(dir, `worker-queries-${this.starts}.json`) : '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM (graceful: in-flight jobs finish), then SIGKILL if it is still there after the grace period. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGTERM');
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_GRACE_MS).unref());
    if ((await Promise.race([this.exited, timer])) === 'late') child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }
}
