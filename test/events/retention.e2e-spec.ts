import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventsRetentionService } from '@provisio/events';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from './support/test-worker';
import { userEvent, writeEvent } from './support/write-events';

describe('events retention purge', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let short: TestTenant;
  let long: TestTenant;
  const admin = { type: 'bearer' as const };

  // No relay or fan-out: the test decides which events count as handed to every subscriber.
  beforeAll(async () => {
    t = await startTestApp();
    worker = await startTestWorker(t.config, [], { relay: false });
    short = await createTenant(t);
    long = await createTenant(t);
    await t.http.patch(`/admin/v1/tenants/${short.id}`).auth(t.adminToken, admin).send({ settings: { events: { retentionDays: 1 } } }).expect(200);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const sequences = async (tenantId: string) =>
    (await t.dataSource.query(`SELECT sequence FROM outbox_events WHERE tenant_id = $1 ORDER BY sequence`, [tenantId])).map((r: { sequence: string }) => Number(r.sequence));

  it('deletes events past the tenant’s retention, only as a prefix, never one still owed to a subscriber', async () => {
    for (const tenant of [short, long]) {
      for (let step = 0; step < 4; step++) await writeEvent(t.dataSource, userEvent(tenant.id, randomUUID(), 'user.created', step));
      await t.http.get(`/admin/v1/tenants/${tenant.id}/events`).auth(t.adminToken, admin).expect(200); // numbers them 1..4
      // Events 1-3 are two days old; all but event 2 were handed to every subscriber.
      await t.dataSource.query(
        `UPDATE outbox_events SET occurred_at = now() - interval '2 days' WHERE tenant_id = $1 AND sequence <= 3`, [tenant.id]);
      await t.dataSource.query(
        `UPDATE outbox_events SET published_at = now(), dispatched_at = now() WHERE tenant_id = $1 AND sequence <> 2`, [tenant.id]);
    }
    const purge = () => worker.get(EventsRetentionService).purge();

    expect(await purge()).toEqual({ deleted: 1 });
    expect(await sequences(short.id)).toEqual([2, 3, 4]);
    expect(await sequences(long.id)).toEqual([1, 2, 3, 4]); // 30 days by default

    await t.dataSource.query(`UPDATE outbox_events SET published_at = now(), dispatched_at = now() WHERE tenant_id = $1`, [short.id]);
    expect(await purge()).toEqual({ deleted: 2 });
    expect(await sequences(short.id)).toEqual([4]);
    expect(await purge()).toEqual({ deleted: 0 });

    const gone = await t.http.get(`/admin/v1/tenants/${short.id}/events`).query({ after: 0 }).auth(t.adminToken, admin).expect(410);
    expect(gone.body.message).toMatch(/1-day retention.*oldest retained event has sequence 4/);
    const kept = await t.http.get(`/admin/v1/tenants/${short.id}/events`).query({ after: 3 }).auth(t.adminToken, admin).expect(200);
    expect(kept.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([4]);
  });
});
