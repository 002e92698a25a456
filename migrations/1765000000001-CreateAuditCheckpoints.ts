import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of each tenant's audit chain (docs/audit.md, "Signed checkpoints"): the sealer signs the
 * chain head (sequence, hash, time) with the Ed25519 AUDIT_SIGNING_KEY, at most once per
 * AUDIT_CHECKPOINT_INTERVAL_SECONDS while the chain grows. The key never reaches the database, so whoever can
 * write the database still cannot forge a checkpoint; ops keep copies elsewhere and verify against them.
 */
export class CreateAuditCheckpoints1765000000001 implements MigrationInterface {
  name = 'CreateAuditCheckpoints1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_checkpoints (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        sequence bigint NOT NULL,
        hash bytea NOT NULL,
        signed_at timestamptz NOT NULL,
        -- First 16 hex digits of SHA-256 over the public key (SPKI DER): which key signed, across rotations.
        key_id text NOT NULL,
        signature bytea NOT NULL,
        PRIMARY KEY (tenant_id, sequence)
      )`);
    // The sealer decides on the head row it already holds whether a checkpoint is due: no extra lookup per pass.
    await db.query(`
      ALTER TABLE audit_chain_heads
        ADD COLUMN checkpoint_sequence bigint NOT NULL DEFAULT 0,
        ADD COLUMN checkpointed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_chain_heads DROP COLUMN checkpointed_at, DROP COLUMN checkpoint_sequence`);
    await db.query(`DROP TABLE audit_checkpoints`);
  }
}
