import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events are sealed after commit (docs/audit.md, "Tamper evidence"): the change's transaction inserts the
 * event without sequence or hash and takes no lock another writer waits on; a sealer numbers and chains committed
 * events per tenant afterwards, under the chain head's row lock, with the numbering libs/events uses for the outbox.
 *
 * - `sequence` and `hash` stay NULL until sealed, so the primary key moves to (tenant_id, id) and the sequence
 *   keeps a unique index of its own (the keyset every list and export pages on).
 * - `position` orders the unsealed rows one sealing pass sees. Added without a default first and then given one,
 *   so existing (already sealed) rows keep NULL and the table is not rewritten.
 * - `occurred_at` defaults to the insert's clock; the sealer raises it to its predecessor's when needed, so time
 *   never decreases along the sequence.
 * - The chain head gets defaults, so the sealer can create it (genesis hash, sequence 0) like the outbox counter.
 */
export class SealAuditEventsAfterCommit1765000000000 implements MigrationInterface {
  name = 'SealAuditEventsAfterCommit1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX audit_events_sequence ON audit_events (tenant_id, sequence)`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`);
    await db.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY USING INDEX audit_events_id`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN sequence DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN occurred_at SET DEFAULT date_trunc('milliseconds', clock_timestamp())`);
    await db.query(`CREATE SEQUENCE audit_events_position_seq`);
    await db.query(`ALTER TABLE audit_events ADD COLUMN position bigint`);
    await db.query(`ALTER SEQUENCE audit_events_position_seq OWNED BY audit_events.position`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN position SET DEFAULT nextval('audit_events_position_seq')`);
    // Small: only rows waiting for the sealer. It finds them, and the tenants that have them, here.
    await db.query(`CREATE INDEX audit_events_unsealed ON audit_events (tenant_id, position) WHERE sequence IS NULL`);
    await db.query(`
      ALTER TABLE audit_chain_heads
        ALTER COLUMN last_sequence SET DEFAULT 0,
        ALTER COLUMN last_hash SET DEFAULT '\\x${'00'.repeat(32)}'::bytea,
        ALTER COLUMN last_occurred_at DROP NOT NULL`);
  }

  /** Only possible once every event is sealed (stop the API, let a worker seal, then migrate down). */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE audit_chain_heads SET last_occurred_at = '-infinity' WHERE last_occurred_at IS NULL`);
    await db.query(`
      ALTER TABLE audit_chain_heads
        ALTER COLUMN last_occurred_at SET NOT NULL,
        ALTER COLUMN last_hash DROP DEFAULT,
        ALTER COLUMN last_sequence DROP DEFAULT`);
    await db.query(`DROP INDEX audit_events_unsealed`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN position`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN occurred_at DROP DEFAULT`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN sequence SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX audit_events_id_tmp ON audit_events (tenant_id, id)`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey`);
    await db.query(`ALTER INDEX audit_events_id_tmp RENAME TO audit_events_id`);
    await db.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY USING INDEX audit_events_sequence`);
  }
}
