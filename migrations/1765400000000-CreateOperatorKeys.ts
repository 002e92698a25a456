import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operator keys: bearer credentials for the admin API and the console, each with a role. They belong to the
 * installation, not to a tenant, so they carry no tenant_id. Their own actions (created, revoked) go to
 * operator_key_events: a tenant's audit log is deleted with the tenant and cannot hold them.
 */
export class CreateOperatorKeys1765400000000 implements MigrationInterface {
  name = 'CreateOperatorKeys1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE operator_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'auditor')),
        prefix text NOT NULL,
        key_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    // Authentication finds a key by the SHA-256 of the presented secret: one index probe.
    await db.query(`CREATE UNIQUE INDEX operator_keys_hash ON operator_keys (key_hash)`);
    await db.query(`
      CREATE TABLE operator_key_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        key_id uuid NOT NULL,
        key_name text NOT NULL,
        key_prefix text NOT NULL,
        role text NOT NULL,
        actor jsonb NOT NULL,
        request_id text,
        client_ip text,
        user_agent text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE operator_key_events`);
    await db.query(`DROP TABLE operator_keys`);
  }
}
