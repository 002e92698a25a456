import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { compileFilter } from './compile-filter';
import { insertGroup, insertTenant, insertUser } from './test-support/scim-rows';

/**
 * The IdP lookups (docs/filtering.md: Entra's and Okta's userName, externalId and displayName eq lookups) must stay index lookups as tenants grow; a planner
 * that falls back to scanning every user of a tenant misses the p99 target at 100,000 users.
 */
describe('compiled IdP lookups use indexes', () => {
  let db: TestDatabase;
  let client: Client;
  let tenant: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    tenant = await insertTenant(client);
    for (let index = 0; index < 20; index++) await insertGroup(client, tenant, { displayName: `group${index}` });
    for (let index = 0; index < 50; index++) {
      await insertUser(client, tenant, { userName: `user${index}`, externalId: `ext-${index}`, emails: [{ value: `u${index}@example.com`, type: 'work' }] });
    }
    await client.query('ANALYZE scim_users');
    await client.query('ANALYZE scim_groups');
    // With a few rows a sequential scan is cheapest; forbid it so the plan shows which index the query can use.
    await client.query('SET enable_seqscan = off');
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function plan(filter: string, resourceType: 'User' | 'Group' = 'User'): Promise<string> {
    const compiled = compileFilter(filter, { resourceType, firstParam: 2 });
    const table = resourceType === 'User' ? 'scim_users' : 'scim_groups';
    const { rows } = await client.query(
      `EXPLAIN SELECT id FROM ${table} WHERE tenant_id = $1 AND deleted_at IS NULL AND (${compiled.sql})`,
      [tenant, ...compiled.params],
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  // lower(user_name) has two indexes: the unique one and the console's text_pattern_ops one for prefix
  // search (migrations/1765400300000-PrefixSearchIndexes.ts); either answers an equality with one probe.
  it('answers userName eq from an index on lower(user_name)', async () => {
    expect(await plan('userName eq "USER7"')).toMatch(/Index Scan using scim_users_user_name_(ci|prefix)/);
  });

  it('answers externalId eq from scim_users_external_id', async () => {
    expect(await plan('externalId eq "ext-7"')).toMatch(/scim_users_external_id/);
  });

  it('answers Group displayName eq from an index on lower(display_name)', async () => {
    expect(await plan('displayName eq "GROUP7"', 'Group')).toMatch(/Index Scan using scim_groups_display_name_(ci|prefix)/);
  });

  it("answers Entra's emails[type eq \"work\"].value eq from the emails GIN index", async () => {
    expect(await plan('emails[type eq "work"].value eq "U7@example.com"')).toMatch(/scim_users_emails/);
  });
});
