import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AUDIT_PURGE_JOB, AUDIT_PURGE_SCHEDULER_ID, AUDIT_RETENTION_QUEUE, AuditRetentionService, AuditWorkerModule } from '@provisio/audit';
import { ConfigModule } from '@provisio/config';
import { DatabaseModule } from '@provisio/database';
import { Queue, QueueEvents } from 'bullmq';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditSealer, auditWriter, storedEvents } from './audit-test-helpers';

describe('audit retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const verify = async (tenantId: string) =>
    (await t.http.get(`/admin/v1/tenants/${tenantId}/audit-events/verify`).set(admin(t)).expect(200)).body;
  const record = (tenantId: string, n: number) =>
    t.dataSource.transaction((tx) => auditWriter(t).record(tx, { tenantId, action: 'user.updated', resourceType: 'User', resourceId: `u-${n}`, after: { n } }));
  /** Moves the oldest `count` events `days` into the past (keeping time non-decreasing along the chain); seals first. */
  const age = async (tenantId: string, count: number, days: number) => {
    await auditSealer(t).seal(tenantId, { wait: true });
    await t.dataSource.query(
      `UPDATE audit_events SET occurred_at = occurred_at - make_interval(days => $3) WHERE tenant_id = $1 AND sequence <= $2`,
      [tenantId, count, days],
    );
  };

  it('purges events past retention in batches and the rest of the chain still verifies from the anchor', async () => {
    const tenant = await createTenant(t);
    for (let n = 1; n <= 8; n++) await record(tenant.id, n);
    const before = await storedEvents(t, tenant.id);
    await age(tenant.id, 5, 40);
    const retention = new AuditRetentionService(t.dataSource);
    expect(await retention.purgeTenant(tenant.id, 30, new Date(), 2)).toBe(5);
    const after = await storedEvents(t, tenant.id);
    expect(after.map((e) => e.id)).toEqual(before.slice(5).map((e) => e.id));
    const [anchor] = await t.dataSource.query(`SELECT sequence, hash FROM audit_chain_anchors WHERE tenant_id = $1`, [tenant.id]);
    expect(Number(anchor.sequence)).toBe(5);
    expect(anchor.hash).toEqual(before[4].hash);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: before.length - 5 });

    await record(tenant.id, 9);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: before.length - 4 });
    // Purging everything leaves an empty, still verifiable chain whose anchor is the head.
    expect(await retention.purgeTenant(tenant.id, 1, new Date(Date.now() + 3 * 86_400_000))).toBe(before.length - 4);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: 0 });
  });

  it('keeps events inside the retention period', async () => {
    const tenant = await createTenant(t);
    await record(tenant.id, 1);
    expect(await new AuditRetentionService(t.dataSource).purgeTenant(tenant.id, 1)).toBe(0);
  });

  describe('in the worker', () => {
    let worker: INestApplicationContext;
    let queue: Queue;
    let queueEvents: QueueEvents;
    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          ConfigModule.forRoot(t.config),
          DatabaseModule.forRoot({ url: t.db.url, migrations: [], runMigrations: false, applicationName: 'audit-retention-test', poolSize: 2 }),
          BullModule.forRoot({ connection: { url: t.config.redisUrl, maxRetriesPerRequest: null }, prefix: t.config.queuePrefix }),
          AuditWorkerModule,
        ],
      }).compile();
      worker = await moduleRef.init();
      queue = worker.get<Queue>(getQueueToken(AUDIT_RETENTION_QUEUE));
      queueEvents = new QueueEvents(AUDIT_RETENTION_QUEUE, { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
      await queueEvents.waitUntilReady();
    });
    afterAll(async () => {
      await queue.obliterate({ force: true });
      await queueEvents.close();
      await worker.close();
    });

    it('schedules one daily purge job', async () => {
      for (let i = 0; i < 50 && !(await queue.getJobSchedulers()).length; i++) await new Promise((r) => setTimeout(r, 50));
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([expect.objectContaining({ key: AUDIT_PURGE_SCHEDULER_ID, pattern: '17 3 * * *', tz: 'UTC' })]);
    });

    it("runs the purge job with each tenant's retentionDays", async () => {
      const short = await createTenant(t);
      const long = await createTenant(t);
      await t.http.patch(`/admin/v1/tenants/${short.id}`).set(admin(t)).send({ settings: { audit: { retentionDays: 10 } } }).expect(200);
      await age(short.id, 2, 11);
      await age(long.id, 2, 11);
      const job = await queue.add(AUDIT_PURGE_JOB, {});
      const result = await job.waitUntilFinished(queueEvents, 20_000);
      expect(result.deleted).toBeGreaterThanOrEqual(2);
      expect((await storedEvents(t, short.id)).map((e) => e.action)).toEqual(['tenant.updated']);
      expect(await storedEvents(t, long.id)).toHaveLength(2);
      expect(await verify(short.id)).toMatchObject({ ok: true, checked: 1 });
    });
  });
});
