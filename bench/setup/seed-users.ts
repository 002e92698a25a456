import { Client } from 'pg';

export const SEED_DOMAIN = 'bench.example';

/** The userName of the i-th seeded user of a prefix; lookups pick names with this, seeding writes them. */
export function seededUserName(prefix: string, i: number): string {
  return `${prefix}.${i}@${SEED_DOMAIN}`;
}

/**
 * Writes users [from, to] straight into scim_users with one INSERT ... SELECT generate_series: 100,000
 * users take seconds instead of minutes of POSTs. The jsonb is what the API stores for an Entra create
 * (no id/meta: those are columns), so reads render seeded and API-created users the same way.
 * Then ANALYZE, so the planner sees the tenant's real size, as it would after autovacuum.
 */
export async function seedUsers(databaseUrl: string, tenantId: string, prefix: string, from: number, to: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'provisio-bench-seed' });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO scim_users (tenant_id, user_name, external_id, display_name, active, emails, resource)
       SELECT $1::uuid, u.user_name, u.external_id, u.display_name, true, ARRAY[lower(u.user_name)],
              jsonb_build_object(
                'schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User',
                                             'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'),
                'userName', u.user_name,
                'externalId', u.external_id,
                'displayName', u.display_name,
                'active', true,
                'name', jsonb_build_object('formatted', u.display_name, 'givenName', 'Seed', 'familyName', 'User ' || u.n),
                'emails', jsonb_build_array(jsonb_build_object('value', u.user_name, 'type', 'work', 'primary', true)),
                'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', jsonb_build_object('department', 'Dept ' || (u.n % 50)))
         FROM (SELECT g AS n, $2 || '.' || g || '@' || $3 AS user_name, gen_random_uuid()::text AS external_id,
                      'Seed User ' || g AS display_name
                 FROM generate_series($4::int, $5::int) AS g) AS u`,
      [tenantId, prefix, SEED_DOMAIN, from, to],
    );
    await client.query('ANALYZE scim_users');
  } finally {
    await client.end();
  }
}

/** Ids of a tenant's users, oldest first: targets for PATCH and group membership without a listing round trip. */
export async function userIds(databaseUrl: string, tenantId: string, limit: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'provisio-bench-seed' });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM scim_users WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT $2',
      [tenantId, limit],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

export function databaseName(databaseUrl: string | undefined): string | undefined {
  return databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || undefined : undefined;
}
