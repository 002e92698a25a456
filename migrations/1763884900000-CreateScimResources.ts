import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SCIM storage: hot attributes as indexed columns, the full resource in jsonb, membership in its own
 * table so adding members never rewrites a group row whose size grows with the group.
 */
export class CreateScimResources1763884900000 implements MigrationInterface {
  name = 'CreateScimResources1763884900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scim_users (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_name text NOT NULL,
        external_id text,
        display_name text,
        active boolean NOT NULL DEFAULT true,
        emails text[] NOT NULL DEFAULT '{}',
        resource jsonb NOT NULL,
        password_hash text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_modified timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    // RFC 7643 §4.1.1: userName is unique and case-insensitive; soft-deleted rows release the name.
    await db.query(`CREATE UNIQUE INDEX scim_users_user_name_ci ON scim_users (tenant_id, lower(user_name)) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX scim_users_external_id ON scim_users (tenant_id, external_id)`);
    await db.query(`CREATE INDEX scim_users_display_name_ci ON scim_users (tenant_id, lower(display_name))`);
    await db.query(`CREATE INDEX scim_users_active ON scim_users (tenant_id, active)`);
    await db.query(`CREATE INDEX scim_users_last_modified ON scim_users (tenant_id, last_modified, id)`);
    await db.query(`CREATE INDEX scim_users_created ON scim_users (tenant_id, created_at, id)`);
    // Lower-cased email values: Entra matches users by emails[type eq "work"].value.
    await db.query(`CREATE INDEX scim_users_emails ON scim_users USING gin (emails)`);

    await db.query(`
      CREATE TABLE scim_groups (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        external_id text,
        resource jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_modified timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX scim_groups_display_name_ci ON scim_groups (tenant_id, lower(display_name))`);
    await db.query(`CREATE INDEX scim_groups_external_id ON scim_groups (tenant_id, external_id)`);
    await db.query(`CREATE INDEX scim_groups_last_modified ON scim_groups (tenant_id, last_modified, id)`);
    await db.query(`CREATE INDEX scim_groups_created ON scim_groups (tenant_id, created_at, id)`);

    await db.query(`
      CREATE TABLE scim_group_members (
        tenant_id uuid NOT NULL,
        group_id uuid NOT NULL,
        member_id uuid NOT NULL,
        member_type text NOT NULL CHECK (member_type IN ('User', 'Group')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, group_id, member_id),
        FOREIGN KEY (tenant_id, group_id) REFERENCES scim_groups (tenant_id, id) ON DELETE CASCADE
      )`);
    // A user's groups (User.groups) and removing a deleted user's memberships.
    await db.query(`CREATE INDEX scim_group_members_member ON scim_group_members (tenant_id, member_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scim_group_members`);
    await db.query(`DROP TABLE scim_groups`);
    await db.query(`DROP TABLE scim_users`);
  }
}
