import { AuditSealLoop } from '@provisio/audit';
import { QueryRunner } from 'typeorm';
import { chainHash } from '../../libs/audit/src/chain/chain-hash';
import { serializeContent } from '../../libs/audit/src/chain/event-content';
import { contentOf } from '../../libs/audit/src/query/audit-event-row';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditSealer, auditWriter, storedEvents } from './audit-test-helpers';

/**
 * The change's transaction inserts its event unsealed; the sealer numbers and chains committed events per tenant
 * after commit (docs/audit.md, "Tamper evidence"). These tests hold transactions open by hand to pin the order
 * of inserts and commits.
 */
describe('audit sealing after commit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const verify = async (tenantId: string) =>
    (await t.http.get(`/admin/v1/tenants/${tenantId}/audit-events/verify`).set(admin(t)).expect(200)).body;
  const entry = (tenantId: string, resourceId: string) => ({ tenantId, action: 'user.updated', resourceType: 'User', resourceId, after: { resourceId } });
  const record = (tenantId: string, resourceId: string) => t.dataSource.transaction((tx) => auditWriter(t).record(tx, entry(tenantId, resourceId)));

  /** An open transaction that has recorded one event and not committed yet. */
  const openWriter = async (tenantId: string, resourceId: string): Promise<QueryRunner> => {
    const qr = t.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    // Any wait on another writer's lock fails the test instead of hanging it.
    await qr.query(`SET LOCAL lock_timeout = '1s'`);
    await auditWriter(t).record(qr.manager, entry(tenantId, resourceId));
    return qr;
  };
  const commit = async (qr: QueryRunner) => {
    await qr.commitTransaction();
    await qr.release();
  };
  /** A new tenant, its own events (tenant.created, token.created) sealed: returns it and how many those are. */
  const newTenant = async () => {
    const tenant = await createTenant(t);
    return { tenant, base: (await storedEvents(t, tenant.id)).length };
  };
  const rowsOf = async (tenantId: string): Promise<Array<{ resource_id: string; sequence: string | null; hash: Buffer | null }>> =>
    t.dataSource.query(`SELECT resource_id, sequence, hash FROM audit_events WHERE tenant_id = $1 AND action = 'user.updated' ORDER BY position`, [tenantId]);

  it('lets two transactions of one tenant hold an uncommitted audit event at the same time, without a lock wait', async () => {
    const { tenant, base } = await newTenant();
    const first = await openWriter(tenant.id, 'a');
    const second = await openWriter(tenant.id, 'b'); // would time out if the first held a tenant-wide lock
    const waits = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND pid IN (pg_backend_pid(), $1, $2)`,
      [(await first.query('SELECT pg_backend_pid() AS pid'))[0].pid, (await second.query('SELECT pg_backend_pid() AS pid'))[0].pid],
    );
    expect(waits[0].n).toBe(0);
    // Both inserted, unsealed and invisible to others until commit.
    expect(await rowsOf(tenant.id)).toEqual([]);
    await commit(second);
    await commit(first);
    const rows = await rowsOf(tenant.id);
    expect(rows.map((r) => [r.resource_id, r.sequence, r.hash])).toEqual([['a', null, null], ['b', null, null]]);
    expect(await verify(tenant.id)).toMatchObject({ ok: true, pending: 0, checked: base + 2 });
  });

  it('seals in commit order: an event that commits after a later-inserted one gets the later sequence and a time no older', async () => {
    const { tenant, base } = await newTenant();
    const early = await openWriter(tenant.id, 'inserted-first');
    await new Promise((resolve) => setTimeout(resolve, 20)); // so the late one's own clock is clearly later
    const late = await openWriter(tenant.id, 'inserted-second');
    await commit(late);
    expect(await auditSealer(t).seal(tenant.id, { wait: true })).toBe(1);
    await commit(early);
    const events = (await storedEvents(t, tenant.id)).slice(base);
    expect(events.map((e) => [e.resource_id, Number(e.sequence)])).toEqual([['inserted-second', base + 1], ['inserted-first', base + 2]]);
    // inserted-first's own clock is older than its predecessor's: it takes the predecessor's time.
    expect(events[1].occurred_at.getTime()).toBe(events[0].occurred_at.getTime());
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: base + 2, pending: 0 });
  });

  it('keeps each chain gapless and verifiable with many writers and several sealers racing', async () => {
    const [{ tenant: a, base }, { tenant: b }] = [await newTenant(), await newTenant()];
    const sealers = Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        for (let round = 0; round < 10; round++) {
          await auditSealer(t).seal(i % 2 ? a.id : b.id, { wait: i % 3 === 0 });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }),
    );
    await Promise.all(Array.from({ length: 60 }, (_, n) => record(n % 2 ? a.id : b.id, `r-${n}`)));
    await sealers;
    for (const tenant of [a, b]) {
      const events = await storedEvents(t, tenant.id);
      expect(events).toHaveLength(base + 30);
      expect(events.map((e) => Number(e.sequence))).toEqual(events.map((_, i) => i + 1));
      const times = events.map((e) => e.occurred_at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: base + 30, pending: 0 });
    }
  });

  it('shows an event in the audit API right after its commit, sealed, even with no worker running', async () => {
    const { tenant, base } = await newTenant();
    await record(tenant.id, 'fresh');
    const page = (await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events?resourceId=fresh`).set(admin(t)).expect(200)).body;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ resourceId: 'fresh', sequence: base + 1 });
    expect(page.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("seals in the worker's background loop within 2 s of commit, without any read", async () => {
    const loop = new AuditSealLoop(t.dataSource, auditSealer(t));
    loop.onApplicationBootstrap();
    try {
      const { tenant, base } = await newTenant();
      await record(tenant.id, 'background');
      const committed = Date.now();
      let rows = await rowsOf(tenant.id);
      while (rows[0].sequence === null && Date.now() - committed < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        rows = await rowsOf(tenant.id);
      }
      expect(rows[0].sequence).toBe(String(base + 1));
      expect(Date.now() - committed).toBeLessThan(2000);
    } finally {
      await loop.onModuleDestroy();
    }
  });

  it('reports events a busy sealer has not sealed yet as pending, not broken', async () => {
    const { tenant, base } = await newTenant();
    await record(tenant.id, 'sealed');
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: base + 1, pending: 0 });
    // Another sealer holds the tenant's chain head and does not finish.
    const busy = t.dataSource.createQueryRunner();
    await busy.connect();
    await busy.startTransaction();
    await busy.query(`SELECT 1 FROM audit_chain_heads WHERE tenant_id = $1 FOR UPDATE`, [tenant.id]);
    const sealer = auditSealer(t);
    sealer.readWaitMs = 200;
    try {
      await record(tenant.id, 'waiting');
      expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: base + 1, pending: 1, headSequence: base + 1, firstBrokenEventId: null });
    } finally {
      sealer.readWaitMs = 2000;
      await busy.rollbackTransaction();
      await busy.release();
    }
    expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: base + 2, pending: 0, headSequence: base + 2 });
  });

  describe('tampering with sealed events', () => {
    const chainOf = async (n: number) => {
      const { tenant } = await newTenant();
      for (let i = 1; i <= n; i++) await record(tenant.id, `e-${i}`);
      return { tenant, events: await storedEvents(t, tenant.id) };
    };

    it('detects two events whose places were swapped', async () => {
      const { tenant, events } = await chainOf(4);
      const [x, y] = [events[1], events[2]];
      const move = (id: string, sequence: string | number) =>
        t.dataSource.query(`UPDATE audit_events SET sequence = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, id, sequence]);
      await move(x.id, -1);
      await move(y.id, x.sequence);
      await move(x.id, y.sequence);
      expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: y.id, reason: `event ${x.sequence} does not match its hash` });
    });

    it('detects an event inserted in the middle, its successors renumbered to make room', async () => {
      const { tenant, events } = await chainOf(4);
      const at = Number(events[2].sequence);
      await t.dataSource.query(`UPDATE audit_events SET sequence = -sequence WHERE tenant_id = $1 AND sequence >= $2`, [tenant.id, at]);
      await t.dataSource.query(`UPDATE audit_events SET sequence = -sequence + 1 WHERE tenant_id = $1 AND sequence < 0`, [tenant.id]);
      const forged = { ...events[2], id: '6a0f5c3e-0000-4000-8000-000000000001', resource_id: 'forged' };
      const hash = chainHash(at, forged.occurred_at.getTime(), serializeContent(contentOf(forged)), events[1].hash);
      await t.dataSource.query(
        `INSERT INTO audit_events (tenant_id, sequence, id, occurred_at, action, outcome, resource_type, resource_id, actor, changes, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [tenant.id, at, forged.id, forged.occurred_at, forged.action, forged.outcome, forged.resource_type, forged.resource_id,
          JSON.stringify(forged.actor), JSON.stringify(forged.changes), hash],
      );
      // The forged row chains onto its predecessor, but the next one was built on another hash.
      expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: events[2].id });
    });

    it('detects an event appended past the chain head by hand', async () => {
      const { tenant, events } = await chainOf(2);
      const last = events[events.length - 1];
      const next = Number(last.sequence) + 1;
      const forged = { ...last, id: '6a0f5c3e-0000-4000-8000-000000000002', resource_id: 'appended' };
      const hash = chainHash(next, forged.occurred_at.getTime(), serializeContent(contentOf(forged)), last.hash);
      await t.dataSource.query(
        `INSERT INTO audit_events (tenant_id, sequence, id, occurred_at, action, outcome, resource_type, resource_id, actor, changes, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [tenant.id, next, forged.id, forged.occurred_at, forged.action, forged.outcome, forged.resource_type, forged.resource_id,
          JSON.stringify(forged.actor), JSON.stringify(forged.changes), hash],
      );
      const result = await verify(tenant.id);
      expect(result).toMatchObject({ ok: false, firstBrokenEventId: forged.id });
      expect(result.reason).toContain('beyond the chain head');
    });

    it('detects an edited event and a deleted one', async () => {
      const { tenant, events } = await chainOf(3);
      await t.dataSource.query(`UPDATE audit_events SET resource_name = 'edited' WHERE tenant_id = $1 AND id = $2`, [tenant.id, events[1].id]);
      expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: events[1].id });
      const other = await chainOf(3);
      await t.dataSource.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND id = $2`, [other.tenant.id, other.events[1].id]);
      expect(await verify(other.tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: other.events[2].id });
    });
  });
});
