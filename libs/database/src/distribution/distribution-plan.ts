/**
 * How each table would be placed on a distributed PostgreSQL (Citus), and the rules the schema keeps so
 * that placement needs no rewrite (docs/scaling.md). A test checks every migrated table against this plan.
 *
 * - Tenant tables carry `tenant_id`, are distributed by it and colocated, so every query scoped to one
 *   tenant runs on one shard: `tenant_id` is in their primary key, in every unique index, and in every
 *   foreign key between them.
 * - Reference tables are small, read on most requests and copied to every node. Distributed tables may
 *   reference them.
 * - Tables the coordinator keeps for itself (migration bookkeeping) are neither.
 */
export const DISTRIBUTION_COLUMN = 'tenant_id';

// Operator keys and their events belong to the installation, not to a tenant, and are read on admin requests.
export const REFERENCE_TABLES: readonly string[] = ['tenants', 'operator_keys', 'operator_key_events'];

export const COORDINATOR_TABLES: readonly string[] = ['migrations', 'typeorm_metadata'];

/** Tables in the order `create_distributed_table` should see them: the colocation group's first table. */
export const COLOCATION_ROOT = 'scim_users';
