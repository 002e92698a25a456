import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '@provisio/config';

export interface ChildWorker {
  process: ChildProcess;
  /** Lines the child printed so far. */
  lines: string[];
  waitForLine(match: RegExp, timeoutMs?: number): Promise<string>;
  kill(): Promise<void>;
}

/** Runs stuck-worker.child.ts as a real process against the same database, Redis and queue prefix. */
export function startStuckWorkerProcess(config: AppConfig, adminToken: string): ChildWorker {
  return startWorkerProcess('stuck-worker.child.ts', config, adminToken);
}

/** Runs a *.child.ts of this folder as a real process against the same database, Redis and queue prefix. */
export function startWorkerProcess(script: string, config: AppConfig, adminToken: string, env: Record<string, string> = {}): ChildWorker {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.js'), join(__dirname, script)], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  return {
    process: child,
    lines,
    async waitForLine(match, timeoutMs = 60000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = lines.find((l) => match.test(l));
        if (line) return line;
        if (child.exitCode !== null) throw new Error(`child worker exited with ${child.exitCode}`);
        if (Date.now() > deadline) throw new Error(`child worker printed no line matching ${match}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
