import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { request } from 'undici';

const API_MAIN = join(__dirname, '..', '..', 'apps', 'api', 'main.js');

/** `npm run start:api` on a port of the bench's own, with the bench's environment and database. */
export class ApiProcess {
  private child?: ChildProcess;
  private output = '';

  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [API_MAIN], {
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(this.port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => void (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) break;
      const up = await request(`${this.baseUrl}/health/live`).then((r) => r.body.text().then(() => r.statusCode === 200), () => false);
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the API did not start: ${this.output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}
