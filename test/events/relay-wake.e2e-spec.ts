import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL, OutboxWriter } from '@provisio/events';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { RecordingSubscriber, startTestWorker, waitFor } from './support/test-worker';
import { userEvent, writeEvent } from './support/write-events';

describe('waking the relay after commit', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let listener: Client;
  const notifications: Notification[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    listener = new Client({ connectionString: t.config.databaseUrl });
    await listener.connect();
    listener.on('notification', (message) => notifications.push(message));
    await listener.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await t?.close();
  });

  it('signals from another session once the write transaction has committed, never from inside it', async () => {
    const qr = t.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const [{ pid }] = await qr.query(`SELECT pg_backend_pid() AS pid`);
      await new OutboxWriter().add(qr.manager, userEvent(tenant.id, randomUUID(), 'user.created', 0));
      await qr.commitTransaction();
      // The writer's connection is still held here, so the NOTIFY necessarily came from another backend.
      await waitFor(() => notifications.some((n) => n.payload?.split(',').includes(tenant.id)), 5000, 'the wake-up');
      const wake = notifications.find((n) => n.payload?.split(',').includes(tenant.id))!;
      expect(wake.processId).not.toBe(pid);
    } finally {
      await qr.release();
    }
  });

  it('sends nothing for a rolled-back change', async () => {
    const other = await createTenant(t);
    await expect(t.dataSource.transaction(async (tx) => {
      await new OutboxWriter().add(tx, userEvent(other.id, randomUUID(), 'user.created', 0));
      throw new Error('change failed');
    })).rejects.toThrow('change failed');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notifications.some((n) => n.payload?.split(',').includes(other.id))).toBe(false);
  });

  it('covers every tenant of concurrent commits, several tenants to one NOTIFY when they coincide', async () => {
    const tenants = await Promise.all(Array.from({ length: 6 }, () => createTenant(t)));
    notifications.length = 0;
    await Promise.all(tenants.map((each) => writeEvent(t.dataSource, userEvent(each.id, randomUUID(), 'user.created', 0))));
    const woken = () => new Set(notifications.flatMap((n) => n.payload!.split(',')));
    await waitFor(() => tenants.every((each) => woken().has(each.id)), 5000, 'a wake-up for every tenant');
    expect(notifications.length).toBeLessThanOrEqual(tenants.length);
  });

  describe('with the relay woken only by the signal', () => {
    let worker: INestApplicationContext;
    const recorder = new RecordingSubscriber();

    beforeAll(async () => {
      // A poll once a minute: an event seen within two seconds came through the after-commit signal.
      worker = await startTestWorker(t.config, [recorder], { pollIntervalMs: 60000 });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the relay's first poll and LISTEN
    });

    afterAll(async () => {
      await worker?.close();
    });

    it('relays a committed event at once', async () => {
      const userId = randomUUID();
      const startedAt = Date.now();
      await writeEvent(t.dataSource, userEvent(tenant.id, userId, 'user.created', 0));
      await waitFor(() => recorder.of(userId).length === 1, 2000, 'the event, without waiting for a poll');
      expect(Date.now() - startedAt).toBeLessThan(2000);
    });
  });
});
