// apps/worker as a process of its own (with the tests' short job-lock timings), so a test can SIGKILL it
// mid-job. Config comes from the environment, like apps/worker/main.ts.
import 'reflect-metadata';
import { loadConfig } from '@provisio/config';
import { startTestWorker } from './test-worker';

startTestWorker(loadConfig(), []).then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
