import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { RecordingSubscriber, startTestWorker, waitFor } from './support/test-worker';
import { steps, userEvent, writeEvent } from './support/write-events';
import { OutboxWriter } from '@provisio/events';

describe('outbox relay and fan-out', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let worker: INestApplicationContext;
  const recorder = new RecordingSubscriber();

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    worker = await startTestWorker(t.config, [recorder]);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('delivers a committed event as the documented envelope with sequence 1', async () => {
    const userId = randomUUID();
    await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.created', 0));
    await waitFor(() => recorder.of(userId).length === 1, 10000, 'the event');
    const [event] = recorder.of(userId);
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'user.created',
      tenantId: tenant.id,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sequence: 1,
      data: { resourceType: 'User', id: userId, externalId: `ext-${userId}`, resource: { id: userId, userName: `${userId}@example.com`, step: 0 } },
    });
  });

  it('publishes nothing for a rolled-back change', async () => {
    const userId = randomUUID();
    await expect(
      t.dataSource.transaction(async (tx) => {
        await new OutboxWriter().add(tx, userEvent(tenant.id, userId, 'user.created', 0));
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const marker = randomUUID();
    await writeEvent(t.dataSource, userEvent(tenant.id, marker, 'user.created', 0));
    await waitFor(() => recorder.of(marker).length === 1, 10000, 'the later event');
    expect(recorder.of(userId)).toEqual([]);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(new OutboxWriter().add(t.dataSource.manager, userEvent(tenant.id, randomUUID(), 'user.created', 0))).rejects.toThrow(/inside the transaction/);
  });

  it('hands each resource its events in commit order with gapless per-tenant sequences', async () => {
    const users = Array.from({ length: 5 }, () => randomUUID());
    // Changes to different users commit concurrently; each user's own changes one after another.
    await Promise.all(
      users.map(async (userId) => {
        for (let step = 0; step < 8; step++) {
          await writeEvent(t.dataSource, userEvent(tenant.id, userId, step === 0 ? 'user.created' : 'user.updated', step));
        }
      }),
    );
    await waitFor(() => users.every((u) => recorder.of(u).length === 8), 15000, 'all 40 events');
    for (const userId of users) expect(steps(recorder.of(userId))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const sequences = recorder.received.filter((e) => e.tenantId === tenant.id).map((e) => e.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(recorder.duplicates).toBe(0);
  });

  it('marks every delivered event published and dispatched', async () => {
    // Its own tenant and events, so the test does not depend on the ones before it (alone it used to check nothing).
    const own = await createTenant(t);
    const users = Array.from({ length: 3 }, () => randomUUID());
    for (const userId of users) await writeEvent(t.dataSource, userEvent(own.id, userId, 'user.created', 0));
    await waitFor(() => users.every((userId) => recorder.of(userId).length === 1), 10000, 'the three events');
    await waitFor(async () => {
      const rows: { published_at: Date | null; dispatched_at: Date | null }[] = await t.dataSource.query(
        `SELECT published_at, dispatched_at FROM outbox_events WHERE tenant_id = $1 AND resource_id = ANY ($2::text[])`,
        [own.id, users],
      );
      return rows.length === 3 && rows.every((row) => row.published_at !== null && row.dispatched_at !== null);
    }, 5000, 'published and dispatched marks on the three events');
  });
});
