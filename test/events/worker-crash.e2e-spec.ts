import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventEnvelope, EventSubscriber } from '@provisio/events';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ChildWorker, startStuckWorkerProcess } from './support/child-worker';
import { RecordingSubscriber, startTestWorker, waitFor } from './support/test-worker';
import { steps, userEvent, writeEvent } from './support/write-events';

describe('a worker that dies or stops in the middle of a job', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let child: ChildWorker | undefined;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    await child?.kill();
    // close() is idempotent for the ones a test already closed.
    for (const worker of workers) await worker.close();
    await t?.close();
  });

  it('hands the job of a SIGKILLed worker process to another worker, and the resource’s later events wait for it', async () => {
    const userId = randomUUID();
    child = startStuckWorkerProcess(t.config, t.adminToken);
    await child.waitForLine(/^ready$/);
    await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.updated', 1));
    const handling = await child.waitForLine(/^handling /);
    const stuckEventId = handling.split(' ')[1];
    // One event per partition is in flight across all workers, so the update was not started behind it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.lines.filter((line) => line.startsWith('handling'))).toEqual([handling]);
    await child.kill();

    const recorder = new RecordingSubscriber();
    const second = await startTestWorker(t.config, [recorder]);
    workers.push(second);
    // The dead worker's lock lapses (2 s in tests) and the stalled check puts the job back at the head.
    await waitFor(() => recorder.of(userId).length === 2, 20000, 'both events on the second worker');
    expect(recorder.of(userId)[0].id).toBe(stuckEventId);
    expect(steps(recorder.of(userId))).toEqual([0, 1]);
    await second.close();
  });

  it('on graceful shutdown finishes the event in hand, and gives back one it is retrying', async () => {
    const finishing = randomUUID();
    const failing = randomUUID();
    let release!: () => void;
    const started: string[] = [];
    const slow: EventSubscriber = {
      name: 'slow-then-failing',
      handle(event: EventEnvelope) {
        started.push(event.data.id);
        if (event.data.id === finishing) return new Promise<void>((resolve) => (release = resolve));
        return Promise.reject(new Error('downstream unavailable'));
      },
    };
    const first = await startTestWorker(t.config, [slow]);
    workers.push(first);
    await writeEvent(t.dataSource, userEvent(tenant.id, finishing, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, failing, 'user.created', 0));
    await waitFor(() => started.includes(finishing) && started.includes(failing), 10000, 'both events started');

    const closing = first.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await closing;
    const [row] = await t.dataSource.query(
      `SELECT dispatched_at FROM outbox_events WHERE tenant_id = $1 AND resource_id = $2`, [tenant.id, finishing],
    );
    expect(row.dispatched_at).not.toBeNull();

    const recorder = new RecordingSubscriber();
    const startedAt = Date.now();
    workers.push(await startTestWorker(t.config, [recorder], { lockDurationMs: 30000 }));
    // Given back to its queue: taken at once, not after the 30 s lock would have lapsed.
    await waitFor(() => recorder.of(failing).length === 1, 10000, 'the given-back event');
    expect(Date.now() - startedAt).toBeLessThan(10000);
    expect(recorder.of(finishing)).toEqual([]);
  });
});
