import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface EmbeddedPostgresProcess {
  url: string;
  serverUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts embedded-postgres.child.ts and waits for its "ready" line (or its one-line error). */
export function startEmbeddedPostgresProcess(dataDir: string, port: number): Promise<EmbeddedPostgresProcess> {
  const child = spawn(process.execPath, ['-r', join(__dirname, '../events/support/ts-register.js'), join(__dirname, 'embedded-postgres.child.ts'), dataDir, String(port)], {
    env: { ...process.env }, // Jest gives each test file its own process.env; spawn's default is the worker's
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      const reply = JSON.parse(line) as { url: string; serverUrl: string; dataDir: string; error?: string };
      if (reply.error) return reject(new Error(reply.error));
      resolve({
        ...reply,
        stop: () =>
          new Promise((stopped) => {
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL process exited with ${code}`)));
  });
}
