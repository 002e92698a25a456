import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const TS_REGISTER = join(ROOT, 'test', 'events', 'support', 'ts-register.js');

/**
 * apps/api or apps/worker started exactly as production starts them (main.ts, whose first import starts the
 * OpenTelemetry SDK), as a real process: Jest's module loader bypasses the require hooks the instrumentations
 * patch modules with, so metrics and traces can only be observed from outside.
 */
export interface ServiceProcess {
  /** JSON log lines printed so far. */
  logs: Record<string, unknown>[];
  waitForLog(match: (line: Record<string, unknown>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export function startService(app: 'api' | 'worker', env: Record<string, string>): ServiceProcess {
  const child: ChildProcess = spawn(process.execPath, ['-r', TS_REGISTER, join(ROOT, 'apps', app, 'main.ts')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const errors: string[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line));
      } catch {
        errors.push(line);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  return {
    logs,
    async waitForLog(match, what, timeoutMs = 180000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs.find(match);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}: ${errors.join('\n').slice(0, 2000)}`);
        if (Date.now() > deadline) throw new Error(`${app} logged no ${what} within ${timeoutMs} ms: ${errors.join('\n').slice(0, 2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A port nothing listens on right now (the OS picks it), for a server a child process will open. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
