import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditWriter, storedEvents } from './audit-test-helpers';

describe('audit event pagination', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const record = (tenantId: string, n: number) =>
    t.dataSource.transaction((tx) => auditWriter(t).record(tx, { tenantId, action: 'user.created', resourceType: 'User', resourceId: `u-${n}`, after: { n } }));

  it('never skips or repeats an event while other transactions keep inserting', async () => {
    const tenant = await createTenant(t);
    for (let n = 0; n < 40; n++) await record(tenant.id, n);

    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) await record(tenant.id, 1000 + written++);
    })();

    const seen: Array<{ id: string; sequence: number }> = [];
    let cursor: string | null | undefined;
    do {
      const page = await t.http
        .get(`/admin/v1/tenants/${tenant.id}/audit-events`)
        .query({ limit: '7', ...(cursor ? { cursor } : {}) })
        .set(admin(t))
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      await new Promise((resolve) => setTimeout(resolve, 10)); // let the writer commit between pages
    } while (cursor);
    writing = false;
    await writer;

    expect(written).toBeGreaterThan(0);
    const sequences = seen.map((e) => e.sequence);
    // Newest first, strictly decreasing, and every event up to the first page's newest one, exactly once.
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const stored = (await storedEvents(t, tenant.id)).filter((e) => Number(e.sequence) <= sequences[0]);
    expect(seen.map((e) => e.id)).toEqual(stored.reverse().map((e) => e.id));
  });

  it('pages through a filter with the same cursor rules', async () => {
    const tenant = await createTenant(t);
    for (let n = 0; n < 5; n++) await record(tenant.id, n % 2);
    const first = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ resourceId: 'u-0', limit: '2' }).set(admin(t)).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).query({ resourceId: 'u-0', limit: '2', cursor: first.body.nextCursor }).set(admin(t)).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].every((e: { resourceId: string }) => e.resourceId === 'u-0')).toBe(true);
  });

  it('never skips or repeats with several writers in parallel, a filter and a time range', async () => {
    const tenant = await createTenant(t);
    const write = (n: number) =>
      t.dataSource.transaction(async (tx) => {
        await auditWriter(t).record(tx, { tenantId: tenant.id, action: n % 3 ? 'user.updated' : 'group.updated', resourceType: n % 3 ? 'User' : 'Group', resourceId: `r-${n}` });
        // Holds the chain lock a moment before committing, so the other writers queue behind it.
        await tx.query(`SELECT pg_sleep(0.002)`);
      });
    for (let n = 0; n < 30; n++) await write(n);
    const from = (await storedEvents(t, tenant.id))[10].occurred_at.toISOString();

    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      while (writing) await write(100 * (w + 1) + written++);
    });

    const seen: Array<{ id: string; sequence: number; resourceType: string }> = [];
    let cursor: string | null | undefined;
    do {
      const page = await t.http
        .get(`/admin/v1/tenants/${tenant.id}/audit-events`)
        .query({ resourceType: 'User', from, limit: '4', ...(cursor ? { cursor } : {}) })
        .set(admin(t))
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    writing = false;
    await Promise.all(writers);

    expect(written).toBeGreaterThan(0);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.every((e) => e.resourceType === 'User')).toBe(true);
    const stored = (await storedEvents(t, tenant.id))
      .filter((e) => e.resource_type === 'User' && e.occurred_at.toISOString() >= from && Number(e.sequence) <= seen[0].sequence);
    expect(seen.map((e) => e.id)).toEqual(stored.reverse().map((e) => e.id));
  });
});
