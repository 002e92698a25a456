// A worker process whose only subscriber never finishes: it reports each event of the batch it records and
// hangs inside the relay's transaction, so the test can SIGKILL it in the middle of a pass. Config comes from the environment, like apps/worker/main.ts.
import 'reflect-metadata';
import { loadConfig } from '@provisio/config';
import { EventBatch, EventSubscriber } from '@provisio/events';
import { startTestWorker } from './test-worker';

const stuck: EventSubscriber = {
  name: 'stuck',
  record(_tx: unknown, batch: EventBatch): Promise<void> {
    for (const event of batch.events) process.stdout.write(`handling ${event.id}\n`);
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
