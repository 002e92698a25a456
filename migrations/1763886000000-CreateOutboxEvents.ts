import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional outbox for provisioning events. A SCIM write inserts a row in its own transaction; the relay in
 * apps/worker later gives it a per-tenant `sequence` (in the order rows become visible, i.e. commit order),
 * publishes it to BullMQ and, once every subscriber has it, marks it dispatched. The pull API reads sequenced rows.
 */
export class CreateOutboxEvents1763886000000 implements MigrationInterface {
  name = 'CreateOutboxEvents1763886000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_events (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- Insert order. Not commit order: a reader must never page on it (a later-committed row can hold a smaller
        -- position); the relay only uses it to number the rows it can already see.
        position bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        resource_type text NOT NULL CHECK (resource_type IN ('User', 'Group')),
        resource_id text NOT NULL,
        external_id text,
        resource jsonb,
        members jsonb,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- Assigned by the relay after commit, under the tenant's sequence-row lock: commit order, no gaps a reader passed.
        sequence bigint,
        -- Added to its BullMQ queue.
        published_at timestamptz,
        -- Handed to every subscriber. Published but not dispatched rows are what a Redis that lost its data
        -- (restart without persistence, failover) still owes; the relay publishes them again.
        dispatched_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      )`);
    // The pull API's cursor and the relay's publish order.
    await db.query(`CREATE UNIQUE INDEX outbox_events_sequence ON outbox_events (tenant_id, sequence)`);
    // Small partial indexes: the relay only ever looks at rows still waiting to be numbered or published.
    await db.query(`CREATE INDEX outbox_events_unsequenced ON outbox_events (tenant_id, position) WHERE sequence IS NULL`);
    await db.query(`CREATE INDEX outbox_events_undispatched ON outbox_events (tenant_id, sequence) WHERE dispatched_at IS NULL`);
    // Retention purge and the "oldest pending" gauge.
    await db.query(`CREATE INDEX outbox_events_occurred ON outbox_events (tenant_id, occurred_at)`);

    // One row per tenant: the last sequence handed out. Its row lock is also the per-tenant relay mutex, so
    // several relays share the work without numbering or publishing one tenant's events concurrently.
    // Only the relay touches it; the SCIM write path never waits on it.
    await db.query(`
      CREATE TABLE outbox_sequences (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        last_sequence bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_sequences`);
    await db.query(`DROP TABLE outbox_events`);
  }
}
