import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: endpoints, one delivery row per (endpoint, event), and every attempt of it.
 * Delivery rows are the source of truth for retries and ordering; BullMQ jobs only carry their ids.
 */
export class CreateWebhooks1763886500000 implements MigrationInterface {
  name = 'CreateWebhooks1763886500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        url text NOT NULL,
        -- NULL means every event type, including types added later.
        event_types text[],
        -- AES-256-GCM under SECRETS_ENCRYPTION_KEY: signing needs the secret itself, so it cannot be hashed.
        secret_sealed bytea NOT NULL,
        description text,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        consecutive_dead integer NOT NULL DEFAULT 0,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);

    await db.query(`
      CREATE TABLE webhook_deliveries (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        event_sequence bigint NOT NULL,
        -- "User/<id>" or "Group/<id>": deliveries of one resource to one endpoint go out in event_sequence order.
        resource_key text NOT NULL,
        -- The exact JSON body sent, kept so a replay sends the same bytes after the event left the outbox.
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'succeeded', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        -- Set while an attempt is in flight so a duplicate job cannot send the same delivery twice at once.
        lease_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
      )`);
    // At-least-once event hand-off: the same event fanned out twice creates no second delivery.
    await db.query(`CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (tenant_id, endpoint_id, event_id)`);
    // "Is an earlier delivery of this resource to this endpoint still open?" and "which one is next?".
    await db.query(`CREATE INDEX webhook_deliveries_open ON webhook_deliveries (tenant_id, endpoint_id, resource_key, event_sequence)
      WHERE status IN ('pending', 'failed')`);
    // The delivery log, newest first, and per-endpoint stats.
    await db.query(`CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC, id)`);
    // The worker's sweep for deliveries that are due but have no job (Redis lost it, or a replay from the API).
    await db.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')`);

    await db.query(`
      CREATE TABLE webhook_delivery_attempts (
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'refused')),
        error text,
        -- At most 1 KB of the receiver's answer, for debugging; never the request (it is in payload).
        response_excerpt text,
        PRIMARY KEY (tenant_id, delivery_id, attempt),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_delivery_attempts`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_endpoints`);
  }
}
