// A worker process whose only subscriber never finishes: it reports each event it starts and hangs, so the
// test can SIGKILL it in the middle of a job. Config comes from the environment, like apps/worker/main.ts.
import 'reflect-metadata';
import { loadConfig } from '@provisio/config';
import { EventEnvelope, EventSubscriber } from '@provisio/events';
import { startTestWorker } from './test-worker';

const stuck: EventSubscriber = {
  name: 'stuck',
  handle(event: EventEnvelope): Promise<void> {
    process.stdout.write(`handling ${event.id}\n`);
    return new Promise(() => undefined);
  },
};

startTestWorker(loadConfig(), [stuck]).then(
  () => process.stdout.write('ready\n'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
