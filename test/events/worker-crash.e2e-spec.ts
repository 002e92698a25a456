import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventBatch, EventSubscriber } from '@provisio/events';
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

  it('leaves the batch of a SIGKILLed worker process to another worker, and the tenant’s later events wait for it', async () => {
    const userId = randomUUID();
    child = startStuckWorkerProcess(t.config, t.adminToken);
    await child.waitForLine(/^ready$/);
    await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.updated', 1));
    const handling = await child.waitForLine(/^handling /);
    const stuckEventId = handling.split(' ')[1];
    // The stuck pass holds the tenant's relay lock: no later batch of the tenant is started behind it.
    const handled = () => child!.lines.filter((line) => line.startsWith('handling'));
    const inStuckBatch = handled().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled()).toHaveLength(inStuckBatch);
    await child.kill();

    const recorder = new RecordingSubscriber();
    const second = await startTestWorker(t.config, [recorder]);
    workers.push(second);
    // The killed process' connection is gone, so Postgres rolled its pass back and released the tenant's lock.
    await waitFor(() => recorder.of(userId).length === 2, 20000, 'both events on the second worker');
    expect(recorder.of(userId)[0].id).toBe(stuckEventId);
    expect(steps(recorder.of(userId))).toEqual([0, 1]);
    await second.close();
  });

  it('on graceful shutdown finishes the pass in hand, and leaves a batch whose subscriber failed to the next worker', async () => {
    const other = await createTenant(t);
    const finishing = randomUUID();
    const failing = randomUUID();
    let release!: () => void;
    const started: string[] = [];
    const slow: EventSubscriber = {
      name: 'slow-then-failing',
      record(_tx: unknown, batch: EventBatch) {
        started.push(...batch.events.map((event) => event.data.id));
        if (batch.tenantId === tenant.id) return new Promise<void>((resolve) => (release = resolve));
        return Promise.reject(new Error('downstream unavailable'));
      },
    };
    const first = await startTestWorker(t.config, [slow]);
    workers.push(first);
    await writeEvent(t.dataSource, userEvent(tenant.id, finishing, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(other.id, failing, 'user.created', 0));
    await waitFor(() => started.includes(finishing) && started.includes(failing), 10000, 'both events started');

    const closing = first.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await closing;
    const dispatched = async (resourceId: string) => {
      const [row] = await t.dataSource.query(`SELECT dispatched_at FROM outbox_events WHERE resource_id = $1`, [resourceId]);
      return row.dispatched_at !== null;
    };
    expect(await dispatched(finishing)).toBe(true);
    // The failing subscriber's batch was rolled back with the relay's transaction: nothing half-recorded.
    expect(await dispatched(failing)).toBe(false);

    const recorder = new RecordingSubscriber();
    workers.push(await startTestWorker(t.config, [recorder]));
    await waitFor(() => recorder.of(failing).length === 1, 10000, 'the failed batch on the next worker');
    expect(recorder.of(finishing)).toEqual([]);
  });
});
