import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries across all of a tenant's endpoints, newest first (the console's Webhooks page): one index range. */
export class IndexWebhookDeliveriesByTenant1765400200000 implements MigrationInterface {
  name = 'IndexWebhookDeliveriesByTenant1765400200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX webhook_deliveries_tenant_recent ON webhook_deliveries (tenant_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX webhook_deliveries_tenant_recent`);
  }
}
