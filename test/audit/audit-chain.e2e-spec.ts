import { chainHash } from '../../libs/audit/src/chain/chain-hash';
import { serializeContent } from '../../libs/audit/src/chain/event-content';
import { contentOf } from '../../libs/audit/src/query/audit-event-row';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditWriter, storedEvents } from './audit-test-helpers';

describe('audit hash chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const verify = async (tenantId: string) =>
    (await t.http.get(`/admin/v1/tenants/${tenantId}/audit-events/verify`).set(admin(t)).expect(200)).body;
  const record = (tenantId: string, n: number, extra: object = {}) =>
    t.dataSource.transaction((tx) =>
      auditWriter(t).record(tx, { tenantId, action: 'user.updated', resourceType: 'User', resourceId: `u-${n}`, before: { n: n - 1 }, after: { n }, ...extra }),
    );

  it('verifies events whose content round-trips through jsonb (unicode, numbers, dates, NUL, extension URNs)', async () => {
    const tenant = await createTenant(t);
    await record(tenant.id, 1, {
      resourceName: 'zoë\u0000@例え.jp',
      before: { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'a' } }, score: 1.5 },
      after: { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: 'b' } }, score: 1e21, at: new Date(0), nested: { deep: [1, 'two', { three: null }] } },
    });
    const result = await verify(tenant.id);
    expect(result).toMatchObject({ ok: true, firstBrokenEventId: null });
    expect(result.checked).toBe(result.headSequence);
    const last = (await storedEvents(t, tenant.id)).pop()!;
    expect(last.resource_name).toBe('zoë@例え.jp');
    expect(last.changes).toContainEqual({ path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value', op: 'replace', before: 'a', after: 'b' });
  });

  it('detects an UPDATE made by hand in SQL at exactly that row', async () => {
    const tenant = await createTenant(t);
    for (let n = 1; n <= 5; n++) await record(tenant.id, n);
    const events = await storedEvents(t, tenant.id);
    const target = events[3];
    await t.dataSource.query(`UPDATE audit_events SET changes = '[]'::jsonb WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, target.sequence]);
    const result = await verify(tenant.id);
    expect(result).toMatchObject({ ok: false, firstBrokenEventId: target.id, checked: 4 });
  });

  it('detects a hand-edited row whose own hash was recomputed too, at the following row', async () => {
    const tenant = await createTenant(t);
    for (let n = 1; n <= 3; n++) await record(tenant.id, n);
    const events = await storedEvents(t, tenant.id);
    const [previous, edited, next] = events.slice(-3);
    // A forger who knows the formula rewrites the row and its hash; the next event still names the old hash.
    const forged = { ...edited, action: 'user.created' };
    const hash = chainHash(forged.sequence, forged.occurred_at.getTime(), serializeContent(contentOf(forged)), previous.hash);
    await t.dataSource.query(`UPDATE audit_events SET action = $3, hash = $4 WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, edited.sequence, forged.action, hash]);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: next.id });
  });

  it('detects a deleted event in the middle and at the end of the chain', async () => {
    const tenant = await createTenant(t);
    for (let n = 1; n <= 4; n++) await record(tenant.id, n);
    const events = await storedEvents(t, tenant.id);
    await t.dataSource.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, events[events.length - 1].sequence]);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: null });
    await t.dataSource.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND sequence = $2`, [tenant.id, events[2].sequence]);
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: events[3].id });
  });

  it('keeps one gapless, verifiable chain per tenant under concurrent writers', async () => {
    const [a, b] = [await createTenant(t), await createTenant(t)];
    const slowWriter = (tenantId: string, n: number) =>
      t.dataSource.transaction(async (tx) => {
        await tx.query(`SELECT pg_sleep(0.005)`);
        await auditWriter(t).record(tx, { tenantId, action: 'user.created', resourceType: 'User', resourceId: `c-${n}`, after: { n } });
      });
    await Promise.all(Array.from({ length: 30 }, (_, n) => slowWriter(n % 2 ? a.id : b.id, n)));
    for (const tenant of [a, b]) {
      const events = await storedEvents(t, tenant.id);
      expect(events.map((e) => Number(e.sequence))).toEqual(events.map((_, i) => i + 1));
      const times = events.map((e) => e.occurred_at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(await verify(tenant.id)).toMatchObject({ ok: true, checked: events.length });
    }
  });

  it('verifies ok while writers keep appending (one snapshot per verification)', async () => {
    const tenant = await createTenant(t);
    for (let n = 1; n <= 3000; n += 1000) {
      await t.dataSource.transaction(async (tx) => {
        for (let i = n; i < n + 1000; i++) await auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.updated', resourceType: 'User', resourceId: `u-${i}`, after: { i } });
      });
    }
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) await record(tenant.id, 10_000 + written++);
    })();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await verify(tenant.id));
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, firstBrokenEventId: null });
      // More than one batch of 1,000 each time, and everything the snapshot saw up to its head.
      expect(result.checked).toBe(result.headSequence);
      expect(result.checked).toBeGreaterThan(3000);
    }
  }, 60_000);

  it("answers 404 for another tenant's or an unknown tenant's chain", async () => {
    await t.http.get(`/admin/v1/tenants/00000000-0000-4000-8000-000000000000/audit-events/verify`).set(admin(t)).expect(404);
  });
});
