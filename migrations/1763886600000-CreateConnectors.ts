import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Downstream user stores: connectors, the mapping between our ids and the store's, one sync row per
 * (connector, event) — the same ordered-delivery shape as webhook_deliveries — and full resync runs.
 */
export class CreateConnectors1763886600000 implements MigrationInterface {
  name = 'CreateConnectors1763886600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE connectors (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('scim')),
        base_url text NOT NULL,
        -- The store's bearer token, AES-256-GCM under SECRETS_ENCRYPTION_KEY: we must present it, so no hash.
        token_sealed bytea NOT NULL,
        description text,
        enabled boolean NOT NULL DEFAULT true,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        -- Why the latest failed attempt failed (status and the store's detail); never a token.
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE connector_id_map (
        tenant_id uuid NOT NULL,
        connector_id uuid NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('User', 'Group')),
        local_id uuid NOT NULL,
        remote_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, connector_id, resource_type, local_id),
        FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
      )`);
    // One local resource per remote one: two of ours never claim the same account in the store.
    await db.query(`CREATE UNIQUE INDEX connector_id_map_remote ON connector_id_map (tenant_id, connector_id, resource_type, remote_id)`);

    await db.query(`
      CREATE TABLE connector_syncs (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        connector_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        event_sequence bigint NOT NULL,
        resource_key text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'succeeded', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX connector_syncs_event ON connector_syncs (tenant_id, connector_id, event_id)`);
    // Per-resource order (see libs/outbound ordered/resource-order.ts).
    await db.query(`CREATE INDEX connector_syncs_open ON connector_syncs (tenant_id, connector_id, resource_key, event_sequence)
      WHERE status IN ('pending', 'failed')`);
    await db.query(`CREATE INDEX connector_syncs_connector ON connector_syncs (tenant_id, connector_id, created_at DESC, id)`);
    await db.query(`CREATE INDEX connector_syncs_due ON connector_syncs (next_attempt_at) WHERE status IN ('pending', 'failed')`);

    await db.query(`
      CREATE TABLE connector_resyncs (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        connector_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        summary jsonb,
        error text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX connector_resyncs_connector ON connector_resyncs (tenant_id, connector_id, requested_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE connector_resyncs`);
    await db.query(`DROP TABLE connector_syncs`);
    await db.query(`DROP TABLE connector_id_map`);
    await db.query(`DROP TABLE connectors`);
  }
}
