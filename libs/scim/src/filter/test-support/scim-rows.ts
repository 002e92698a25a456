import { Client } from 'pg';
import { ResourceTypeName } from '../../schema';
import { compileFilter } from '../compile-filter';
import { FilterNode } from '../filter-ast';

/** Test-only writers that fill the hot columns from the resource the same way the storage layer does. */
export async function insertTenant(client: Client): Promise<string> {
  const { rows } = await client.query(`INSERT INTO tenants (name) VALUES ('filter-' || gen_random_uuid()) RETURNING id`);
  return rows[0].id;
}

export interface RowTimes {
  createdAt?: string;
  lastModified?: string;
}

type Json = Record<string, unknown>;

export async function insertUser(client: Client, tenantId: string, resource: Json, times: RowTimes = {}): Promise<string> {
  const emails = Array.isArray(resource.emails) ? resource.emails : [];
  const emailValues = emails
    .map((email) => (email as Json)?.value)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase());
  const { rows } = await client.query(
    `INSERT INTO scim_users (tenant_id, user_name, external_id, display_name, active, emails, resource, created_at, last_modified)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()), coalesce($9::timestamptz, now())) RETURNING id`,
    [
      tenantId,
      resource.userName,
      resource.externalId ?? null,
      resource.displayName ?? null,
      resource.active ?? true,
      emailValues,
      resource,
      times.createdAt ?? null,
      times.lastModified ?? null,
    ],
  );
  return rows[0].id;
}

export interface MemberRow {
  id: string;
  type: 'User' | 'Group';
}

export async function insertGroup(client: Client, tenantId: string, resource: Json, members: MemberRow[] = []): Promise<string> {
  const { rows } = await client.query(
    `INSERT INTO scim_groups (tenant_id, display_name, external_id, resource) VALUES ($1, $2, $3, $4) RETURNING id`,
    [tenantId, resource.displayName, resource.externalId ?? null, resource],
  );
  const groupId: string = rows[0].id;
  for (const member of members) {
    await client.query(`INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type) VALUES ($1, $2, $3, $4)`, [
      tenantId,
      groupId,
      member.id,
      member.type,
    ]);
  }
  return groupId;
}

/** Runs a filter the way the list endpoints will: tenant and soft-delete conditions first, $1 = tenant. */
export async function matchingIds(
  client: Client,
  tenantId: string,
  resourceType: ResourceTypeName,
  filter: string | FilterNode,
): Promise<string[]> {
  const table = resourceType === 'User' ? 'scim_users' : 'scim_groups';
  const compiled = compileFilter(filter, { resourceType, firstParam: 2 });
  const { rows } = await client.query(
    `SELECT id FROM ${table} WHERE tenant_id = $1 AND deleted_at IS NULL AND (${compiled.sql}) ORDER BY id`,
    [tenantId, ...compiled.params],
  );
  return rows.map((row) => row.id as string);
}
