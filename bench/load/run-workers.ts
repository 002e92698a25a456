import { performance } from 'node:perf_hooks';

export interface WorkerRun {
  completed: number;
  elapsedMs: number;
  timedOut: boolean;
}

/**
 * Runs `task(i)` for i = 0..count-1 on `concurrency` workers, each starting the next index as soon
 * as its previous one finished (closed-loop load, like an IdP's sync threads). Stops at `count` or
 * after `maxSeconds`, whichever comes first; a task that throws stops the run.
 */
export async function runWorkers(count: number, concurrency: number, maxSeconds: number, task: (i: number) => Promise<void>): Promise<WorkerRun> {
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let next = 0;
  let completed = 0;
  let timedOut = false;
  const worker = async (): Promise<void> => {
    while (next < count) {
      if (performance.now() > deadline) {
        timedOut = true;
        return;
      }
      const i = next++;
      await task(i);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { completed, elapsedMs: performance.now() - started, timedOut };
}
