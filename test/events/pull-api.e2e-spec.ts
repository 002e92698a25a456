import { randomUUID } from 'node:crypto';
import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { userEvent, writeEvent } from './support/write-events';

// No worker runs here: the pull API numbers committed events itself, so it never waits for the relay.
describe('GET /admin/v1/tenants/{id}/events (pull API)', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  const userA = randomUUID();
  const userB = randomUUID();

  const pull = (tenantId: string, query: Record<string, string | number> = {}) =>
    t.http.get(`/admin/v1/tenants/${tenantId}/events`).query(query).auth(t.adminToken, { type: 'bearer' });

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    other = await createTenant(t);
    await writeEvent(t.dataSource, userEvent(tenant.id, userA, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, userB, 'user.created', 0));
    await writeEvent(t.dataSource, userEvent(tenant.id, userA, 'user.updated', 1));
    await writeEvent(t.dataSource, {
      tenantId: tenant.id,
      type: 'group.members.added',
      resourceType: 'Group',
      resourceId: 'g-1',
      externalId: null,
      resource: { id: 'g-1', displayName: 'Admins' },
      members: [{ value: userA, type: 'User' }],
    });
    await writeEvent(t.dataSource, userEvent(tenant.id, userA, 'user.deleted', 2));
    await writeEvent(t.dataSource, userEvent(other.id, randomUUID(), 'user.created', 0));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('returns events in commit order with sequences 1..n and a cursor to continue from', async () => {
    const res = await pull(tenant.id, { after: 0 }).expect(200);
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual([
      'user.created', 'user.created', 'user.updated', 'group.members.added', 'user.deleted',
    ]);
    expect(res.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(res.body).toMatchObject({ nextCursor: '5', hasMore: false });
    expect(res.body.items[3].data).toEqual({
      resourceType: 'Group', id: 'g-1', externalId: null, resource: { id: 'g-1', displayName: 'Admins' }, members: [{ value: userA, type: 'User' }],
    });
    expect(res.body.items[4].data.resource).toBeNull();
  });

  it('pages with limit and nextCursor without skipping or repeating', async () => {
    const first = await pull(tenant.id, { limit: 2 }).expect(200);
    expect(first.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2]);
    expect(first.body).toMatchObject({ nextCursor: '2', hasMore: true });
    const second = await pull(tenant.id, { after: first.body.nextCursor, limit: 2 }).expect(200);
    expect(second.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([3, 4]);
    const third = await pull(tenant.id, { after: second.body.nextCursor, limit: 2 }).expect(200);
    expect(third.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([5]);
    expect(third.body).toMatchObject({ nextCursor: '5', hasMore: false });
  });

  it('keeps the cursor when nothing new arrived, then shows the next change', async () => {
    const idle = await pull(tenant.id, { after: 5 }).expect(200);
    expect(idle.body).toEqual({ items: [], nextCursor: '5', hasMore: false });
    const userC = randomUUID();
    await writeEvent(t.dataSource, userEvent(tenant.id, userC, 'user.created', 0));
    const next = await pull(tenant.id, { after: idle.body.nextCursor }).expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0]).toMatchObject({ sequence: 6, data: { id: userC } });
  });

  it('filters by type while the cursor still advances in sequence', async () => {
    const res = await pull(tenant.id, { types: 'user.updated,user.deleted' }).expect(200);
    expect(res.body.items.map((e: { type: string; sequence: number }) => [e.type, e.sequence])).toEqual([
      ['user.updated', 3], ['user.deleted', 5],
    ]);
    expect(res.body.nextCursor).toBe('5');
  });

  it('rejects an unknown type, a malformed cursor and an out-of-range limit with 400', async () => {
    await pull(tenant.id, { types: 'user.exploded' }).expect(400);
    await pull(tenant.id, { after: 'abc' }).expect(400);
    await pull(tenant.id, { after: -1 }).expect(400);
    await pull(tenant.id, { limit: 0 }).expect(400);
    await pull(tenant.id, { limit: 5000 }).expect(400);
  });

  it('shows each tenant only its own events, and 404 for an unknown tenant', async () => {
    const res = await pull(other.id).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ tenantId: other.id, sequence: 1 });
    await pull(randomUUID()).expect(404);
    await pull('not-a-uuid').expect(404);
  });

  it('requires the admin token', async () => {
    await t.http.get(`/admin/v1/tenants/${tenant.id}/events`).expect(401);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/events`).auth(tenant.token, { type: 'bearer' }).expect(401);
  });

  it('answers 410 for a cursor whose next events were purged by retention', async () => {
    const tenantC = await createTenant(t);
    for (let step = 0; step < 3; step++) await writeEvent(t.dataSource, userEvent(tenantC.id, userA, 'user.updated', step));
    await pull(tenantC.id).expect(200);
    // As if the retention purge had removed sequences 1 and 2.
    await t.dataSource.query(`DELETE FROM outbox_events WHERE tenant_id = $1 AND sequence <= 2`, [tenantC.id]);
    const gone = await pull(tenantC.id, { after: 0 }).expect(410);
    expect(gone.body.message).toMatch(/oldest retained event has sequence 3/);
    await pull(tenantC.id, { after: 1 }).expect(410);
    const ok = await pull(tenantC.id, { after: 2 }).expect(200);
    expect(ok.body.items.map((e: { sequence: number }) => e.sequence)).toEqual([3]);
  });
});
