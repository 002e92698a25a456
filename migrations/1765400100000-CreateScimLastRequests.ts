import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last SCIM request each tenant's IdP made, for the console's Connect page ("has Entra called yet, and did it
 * work?"). One row per tenant, overwritten at most about once a second; the path is stored without its query
 * string, since filters carry user names.
 */
export class CreateScimLastRequests1765400100000 implements MigrationInterface {
  name = 'CreateScimLastRequests1765400100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE scim_last_requests (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status smallint NOT NULL,
        token_prefix text NOT NULL,
        user_agent text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE scim_last_requests`);
  }
}
