import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1763885000000 implements MigrationInterface {
  name = 'CreateAuditEvents1763885000000';

  async up(db: QueryRunner): Promise<void> {
    // One row per recorded action. The primary key (tenant_id, sequence) is also the newest-first
    // pagination order: sequences are handed out under the tenant's chain-head row lock, so they
    // commit in order and a keyset cursor on them never skips or repeats under concurrent writes.
    await db.query(`
      CREATE TABLE audit_events (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        sequence bigint NOT NULL,
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
        status smallint,
        scim_type text,
        resource_type text NOT NULL,
        resource_id text,
        resource_name text,
        external_id text,
        actor jsonb NOT NULL,
        -- Derived from the hashed actor, so it cannot be edited on its own; indexed for "what did token X do".
        actor_id text GENERATED ALWAYS AS (coalesce(actor->>'tokenId', actor->>'job')) STORED,
        request_id text,
        client_ip text,
        user_agent text,
        summary text,
        suppressed integer NOT NULL DEFAULT 0,
        changes jsonb,
        hash bytea NOT NULL,
        PRIMARY KEY (tenant_id, sequence)
      )`);
    await db.query(`CREATE UNIQUE INDEX audit_events_id ON audit_events (tenant_id, id)`);
    // Each filter ops use gets an index ending in sequence, so "newest first, after cursor" is an index range scan.
    await db.query(`CREATE INDEX audit_events_resource ON audit_events (tenant_id, resource_id, sequence) WHERE resource_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_resource_name ON audit_events (tenant_id, lower(resource_name), sequence) WHERE resource_name IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_external_id ON audit_events (tenant_id, external_id, sequence) WHERE external_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, sequence) WHERE actor_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_events_action ON audit_events (tenant_id, action, sequence)`);
    await db.query(`CREATE INDEX audit_events_resource_type ON audit_events (tenant_id, resource_type, sequence)`);
    // Failures are rare: a partial index costs nothing on the success path.
    await db.query(`CREATE INDEX audit_events_failures ON audit_events (tenant_id, sequence) WHERE outcome = 'failure'`);
    // occurred_at never decreases along sequence within a tenant, so a time range is turned into a sequence range here.
    await db.query(`CREATE INDEX audit_events_time ON audit_events (tenant_id, occurred_at)`);

    // The chain head serialises writers of one tenant (row lock until commit); other tenants proceed in parallel.
    await db.query(`
      CREATE TABLE audit_chain_heads (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        last_sequence bigint NOT NULL,
        last_occurred_at timestamptz NOT NULL,
        last_hash bytea NOT NULL
      )`);
    // Retention deletes the oldest events; the last deleted one becomes the anchor verification starts from.
    // A table of its own so a purge never takes the chain-head lock writers need.
    await db.query(`
      CREATE TABLE audit_chain_anchors (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        sequence bigint NOT NULL,
        hash bytea NOT NULL,
        purged_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_chain_anchors`);
    await db.query(`DROP TABLE audit_chain_heads`);
    await db.query(`DROP TABLE audit_events`);
  }
}
