import type { INestApplicationContext } from '@nestjs/common';
import { QueueRegistry } from '@provisio/events';
import { startTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from './support/test-worker';

describe('one registry of queues for the worker, the dashboard and the stats', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('declares the same queues in the API and the worker, and the worker serves every one of them', async () => {
    const expected = ['audit-retention', 'connector-resyncs', 'connector-syncs', 'events-maintenance', 'webhook-deliveries'];
    expect(t.app.get(QueueRegistry).names()).toEqual(expected);
    expect(worker.get(QueueRegistry).names()).toEqual(expected);
    // What the start-up log's "serving N queue(s)" lists: the consumers noted theirs, @nestjs/bullmq's are discovered.
    expect([...worker.get(QueueRegistry).servedNames(), 'audit-retention'].sort()).toEqual(expected);
  });
});
