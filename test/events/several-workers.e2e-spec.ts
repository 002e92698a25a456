import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { RecordingSubscriber, startTestWorker, waitFor } from './support/test-worker';
import { steps, userEvent, writeEvent } from './support/write-events';

describe('several workers at once', () => {
  let t: TestApp;
  let tenants: TestTenant[];
  const workers: INestApplicationContext[] = [];
  // One receiver behind all workers, as a webhook URL would be.
  const recorder = new RecordingSubscriber();

  beforeAll(async () => {
    t = await startTestApp();
    tenants = [await createTenant(t), await createTenant(t)];
    for (let i = 0; i < 3; i++) workers.push(await startTestWorker(t.config, [recorder]));
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await t?.close();
  });

  it('relay and hand over every event once, per-resource order and gapless per-tenant sequences intact', async () => {
    const users = tenants.flatMap((tenant) => Array.from({ length: 4 }, () => ({ tenantId: tenant.id, userId: randomUUID() })));
    await Promise.all(users.map(async ({ tenantId, userId }) => {
      for (let step = 0; step < 6; step++) {
        await writeEvent(t.dataSource, userEvent(tenantId, userId, step === 0 ? 'user.created' : 'user.updated', step));
      }
    }));
    await waitFor(() => users.every(({ userId }) => recorder.of(userId).length === 6), 20000, 'all 48 events');

    for (const { userId } of users) expect(steps(recorder.of(userId))).toEqual([0, 1, 2, 3, 4, 5]);
    for (const tenant of tenants) {
      const sequences = recorder.received.filter((e) => e.tenantId === tenant.id).map((e) => e.sequence).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    }
    // Job id = event id and one relay per tenant at a time: three relays published nothing twice.
    expect(recorder.duplicates).toBe(0);
  });
});
