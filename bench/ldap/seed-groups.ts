import { Client } from 'pg';

/**
 * Writes `count` groups straight into scim_groups, like seedUsers does for users: group 0 gets every user of
 * the tenant (the large group), each other group `perGroup` users. Returns the group ids, group 0 first.
 */
export async function seedGroups(databaseUrl: string, tenantId: string, prefix: string, count: number, perGroup: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'provisio-bench-seed' });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; display_name: string }>(
      `INSERT INTO scim_groups (tenant_id, display_name, resource)
       SELECT $1::uuid, $2 || '-' || g, jsonb_build_object('schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:Group'),
                                                          'displayName', $2 || '-' || g)
         FROM generate_series(0, $3::int - 1) AS g
       RETURNING id, display_name`,
      [tenantId, prefix, count],
    );
    const ids = rows.sort((x, y) => Number(x.display_name.split('-').pop()) - Number(y.display_name.split('-').pop())).map((r) => r.id);
    const users = (await client.query<{ id: string }>(`SELECT id FROM scim_users WHERE tenant_id = $1 ORDER BY id`, [tenantId])).rows.map((r) => r.id);
    await client.query(
      `INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) SELECT $1, $2, unnest($3::uuid[]), 'User'`,
      [tenantId, ids[0], users],
    );
    for (let g = 1; g < ids.length; g++) {
      const members = Array.from({ length: perGroup }, (_, k) => users[(g * perGroup + k) % users.length]);
      await client.query(
        `INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) SELECT $1, $2, unnest($3::uuid[]), 'User' ON CONFLICT DO NOTHING`,
        [tenantId, ids[g], members],
      );
    }
    await client.query('ANALYZE scim_groups; ANALYZE scim_group_members');
    return ids;
  } finally {
    await client.end();
  }
}
