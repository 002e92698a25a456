import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTenancy1763884800000 implements MigrationInterface {
  name = 'CreateTenancy1763884800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Tenant names are unique regardless of case so "Acme" and "acme" cannot both exist.
    await db.query(`CREATE UNIQUE INDEX tenants_name_ci ON tenants (lower(name))`);

    await db.query(`
      CREATE TABLE oauth_clients (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX oauth_clients_client_id ON oauth_clients (client_id)`);

    await db.query(`
      CREATE TABLE oauth_client_secrets (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        oauth_client_id uuid NOT NULL,
        prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, oauth_client_id) REFERENCES oauth_clients (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX oauth_client_secrets_client ON oauth_client_secrets (tenant_id, oauth_client_id)`);

    // Static SCIM tokens and OAuth access tokens share one table so one bearer lookup serves both.
    await db.query(`
      CREATE TABLE api_tokens (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('static', 'oauth')),
        prefix text NOT NULL,
        token_hash bytea NOT NULL,
        description text,
        oauth_client_id uuid,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, oauth_client_id) REFERENCES oauth_clients (tenant_id, id) ON DELETE CASCADE
      )`);
    // The bearer strategy finds a token by the SHA-256 of the presented secret: one index probe, no scan.
    await db.query(`CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)`);
    await db.query(`CREATE INDEX api_tokens_tenant_kind ON api_tokens (tenant_id, kind, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_tokens`);
    await db.query(`DROP TABLE oauth_client_secrets`);
    await db.query(`DROP TABLE oauth_clients`);
    await db.query(`DROP TABLE tenants`);
  }
}
