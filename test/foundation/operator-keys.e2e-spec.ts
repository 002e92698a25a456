import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('operator keys: roles for the admin API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const asAdmin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const createKey = async (role: 'admin' | 'auditor', name = `${role} key`) =>
    (await t.http.post('/admin/v1/operator-keys').set(asAdmin()).send({ name, role }).expect(201)).body;

  it('shows the secret once, stores only its hash and lists the key without it', async () => {
    const created = await createKey('auditor', 'Dana');
    expect(created).toMatchObject({ name: 'Dana', role: 'auditor', lastUsedAt: null, revokedAt: null });
    expect(created.key).toMatch(/^opk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const listed = (await t.http.get('/admin/v1/operator-keys').set(asAdmin()).expect(200)).body;
    expect(listed.find((key: { id: string }) => key.id === created.id)).toEqual({ ...created, key: undefined });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const [stored] = await t.dataSource.query(`SELECT encode(key_hash, 'hex') AS hash FROM operator_keys WHERE id = $1`, [created.id]);
    expect(stored.hash).toHaveLength(64);
    expect(stored.hash).not.toContain(Buffer.from(created.key).toString('hex'));
  });

  it('lets an auditor key read tenants, the audit log and events, and answers 403 on every write', async () => {
    const tenant = await createTenant(t);
    const { key } = await createKey('auditor');
    await t.http.get('/admin/v1/tenants').set(bearer(key)).expect(200);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).set(bearer(key)).expect(200);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events/verify`).set(bearer(key)).expect(200);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/events`).set(bearer(key)).expect(200);
    const writes = [
      t.http.post('/admin/v1/tenants').send({ name: 'nope' }),
      t.http.patch(`/admin/v1/tenants/${tenant.id}`).send({ status: 'suspended' }),
      t.http.delete(`/admin/v1/tenants/${tenant.id}`),
      t.http.post(`/admin/v1/tenants/${tenant.id}/tokens`).send({}),
      t.http.delete(`/admin/v1/tenants/${tenant.id}/tokens/${tenant.tokenId}`),
      t.http.post(`/admin/v1/tenants/${tenant.id}/webhooks`).send({ url: 'https://example.com/hook' }),
      t.http.post('/admin/v1/operator-keys').send({ name: 'escalate', role: 'admin' }),
    ];
    for (const write of writes) {
      const res = await write.set(bearer(key)).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, message: 'This operator key has the auditor role, which may only read' });
    }
    const after = (await t.http.get(`/admin/v1/tenants/${tenant.id}`).set(asAdmin()).expect(200)).body;
    expect(after.status).toBe('active');
  });

  it('lets an admin key write, and records it as the actor of the audit event', async () => {
    const created = await createKey('admin', 'Ops on call');
    const tenant = (await t.http.post('/admin/v1/tenants').set(bearer(created.key)).send({ name: `by-key-${Date.now()}` }).expect(201)).body;
    const [event] = (await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events`).set(asAdmin()).expect(200)).body.items;
    expect(event).toMatchObject({ action: 'tenant.created', actor: { type: 'admin', operatorKeyId: created.id, operatorKeyPrefix: created.prefix, role: 'admin' } });
  });

  it('tells the console who the caller is', async () => {
    const { key, id, prefix } = await createKey('auditor', 'Reviewer');
    expect((await t.http.get('/admin/v1/me').set(bearer(key)).expect(200)).body).toEqual({
      role: 'auditor', via: 'operator-key', keyId: id, keyName: 'Reviewer', keyPrefix: prefix,
    });
    expect((await t.http.get('/admin/v1/me').set(asAdmin()).expect(200)).body).toEqual({ role: 'admin', via: 'admin-token' });
  });

  it('records the time a key was last used', async () => {
    const { key, id } = await createKey('auditor');
    await t.http.get('/admin/v1/tenants').set(bearer(key)).expect(200);
    for (let i = 0; i < 50; i++) {
      const [row] = await t.dataSource.query(`SELECT last_used_at FROM operator_keys WHERE id = $1`, [id]);
      if (row.last_used_at) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('last_used_at was not recorded');
  });

  it('stops a revoked key at once and answers 401 for unknown or malformed keys', async () => {
    const { key, id } = await createKey('admin');
    await t.http.get('/admin/v1/tenants').set(bearer(key)).expect(200);
    await t.http.delete(`/admin/v1/operator-keys/${id}`).set(asAdmin()).expect(204);
    await t.http.delete(`/admin/v1/operator-keys/${id}`).set(asAdmin()).expect(204);
    const refused = await t.http.get('/admin/v1/tenants').set(bearer(key)).expect(401);
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    await t.http.get('/admin/v1/tenants').set(bearer(`opk_${'x'.repeat(43)}`)).expect(401);
    await t.http.get('/admin/v1/tenants').set(bearer('opk_')).expect(401);
    await t.http.delete('/admin/v1/operator-keys/not-a-uuid').set(asAdmin()).expect(404);
  });

  it('opens the queue dashboard to admin keys (Bearer or Basic password) and not to auditor keys', async () => {
    const adminKey = await createKey('admin');
    const auditor = await createKey('auditor');
    await t.http.get('/admin/queues').set(bearer(adminKey.key)).expect(200);
    await t.http.get('/admin/queues').auth('ops', adminKey.key).expect(200);
    const refused = await t.http.get('/admin/queues').auth('ops', auditor.key).expect(401);
    expect(refused.headers['www-authenticate']).toContain('Basic');
    await t.http.delete(`/admin/v1/operator-keys/${adminKey.id}`).set(asAdmin()).expect(204);
    await t.http.get('/admin/queues').set(bearer(adminKey.key)).expect(401);
  });

  it('rejects a key without a valid role or name with a clear 400', async () => {
    const res = await t.http.post('/admin/v1/operator-keys').set(asAdmin()).send({ name: 'x', role: 'owner' }).expect(400);
    expect(res.body.message).toContain('role must be one of the following values: admin, auditor');
    await t.http.post('/admin/v1/operator-keys').set(asAdmin()).send({ role: 'admin' }).expect(400);
  });

  it('audits every key action with who did it, newest first and paged', async () => {
    const acting = await createKey('admin', 'Key manager');
    const target = (await t.http.post('/admin/v1/operator-keys').set(bearer(acting.key)).set('X-Request-Id', 'req-create-key')
      .send({ name: 'Temp', role: 'auditor' }).expect(201)).body;
    await t.http.delete(`/admin/v1/operator-keys/${target.id}`).set(bearer(acting.key)).expect(204);
    const page = (await t.http.get('/admin/v1/operator-keys/events').query({ limit: 2 }).set(asAdmin()).expect(200)).body;
    expect(page.items.map((e: { action: string }) => e.action)).toEqual(['operator_key.revoked', 'operator_key.created']);
    expect(page.items[1]).toMatchObject({
      keyId: target.id, keyName: 'Temp', keyPrefix: target.prefix, role: 'auditor', requestId: 'req-create-key',
      actor: { type: 'admin', operatorKeyId: acting.id, operatorKeyPrefix: acting.prefix, role: 'admin' },
    });
    expect(JSON.stringify(page)).not.toContain(target.key);
    const older = (await t.http.get('/admin/v1/operator-keys/events').query({ cursor: page.nextCursor }).set(asAdmin()).expect(200)).body;
    expect(older.items[0]).toMatchObject({ action: 'operator_key.created', keyId: acting.id, actor: { type: 'admin' } });
    await t.http.get('/admin/v1/operator-keys/events').query({ cursor: 'abc' }).set(asAdmin()).expect(400);
  });
});
