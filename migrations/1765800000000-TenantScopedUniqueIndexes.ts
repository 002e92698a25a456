import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A table distributed by tenant_id (Citus, docs/scaling.md) can only enforce unique indexes that contain
 * tenant_id. Token hashes and OAuth client ids are random enough to be unique everywhere, so the unique
 * index moves to (tenant_id, …) and a plain index keeps the lookups of credentials that do not name their
 * tenant (tokens issued before routing parts existed) to one index probe on a single node.
 */
export class TenantScopedUniqueIndexes1765800000000 implements MigrationInterface {
  name = 'TenantScopedUniqueIndexes1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE UNIQUE INDEX api_tokens_tenant_hash ON api_tokens (tenant_id, token_hash)`);
    await db.query(`DROP INDEX api_tokens_hash`);
    await db.query(`CREATE INDEX api_tokens_hash ON api_tokens (token_hash)`);
    await db.query(`CREATE UNIQUE INDEX oauth_clients_tenant_client_id ON oauth_clients (tenant_id, client_id)`);
    await db.query(`DROP INDEX oauth_clients_client_id`);
    await db.query(`CREATE INDEX oauth_clients_client_id ON oauth_clients (client_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX oauth_clients_client_id`);
    await db.query(`CREATE UNIQUE INDEX oauth_clients_client_id ON oauth_clients (client_id)`);
    await db.query(`DROP INDEX oauth_clients_tenant_client_id`);
    await db.query(`DROP INDEX api_tokens_hash`);
    await db.query(`CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)`);
    await db.query(`DROP INDEX api_tokens_tenant_hash`);
  }
}
