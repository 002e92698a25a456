import { seedUsers } from '../../bench/setup/seed-users';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The console's search box is a SCIM prefix filter; on a tenant of some size it must be index ranges, not a scan
 * of the tenant's users (migration PrefixSearchIndexes). Checked on the plan of the same predicate the filter compiler writes.
 */
describe('directory search indexes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers a userName/displayName prefix search from indexes on a 20,000-user tenant', async () => {
    const tenant = await createTenant(t);
    await seedUsers(t.db.url, tenant.id, 'idx', 1, 20_000);
    const [{ 'QUERY PLAN': plan }] = await t.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT count(*) FROM scim_users
        WHERE tenant_id = $1 AND deleted_at IS NULL
          AND (lower(user_name) LIKE lower($2) OR lower(display_name) LIKE lower($2) OR external_id = $3)`,
      [tenant.id, 'idx.1234%', 'idx.1234'],
    );
    const text = JSON.stringify(plan);
    expect(text).toContain('scim_users_user_name_prefix');
    expect(text).toContain('scim_users_display_name_prefix');
    expect(text).not.toContain('Seq Scan');
    const page = (await t.http.get(`/admin/v1/tenants/${tenant.id}/users`).query({ search: 'idx.1234', count: 5 })
      .auth(t.adminToken, { type: 'bearer' }).expect(200)).body;
    expect(page.totalResults).toBe(11);
  });
});
