import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of the request that wrote an outbox event (docs/operations.md#traces), copied by the relay
 * onto the delivery rows it records, so each webhook delivery and connector call joins that request's trace
 * without another query. Nullable and without a default: adding the columns rewrites nothing, and untraced
 * writes leave them empty.
 */
export class TraceContext1765600000000 implements MigrationInterface {
  name = 'TraceContext1765600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['outbox_events', 'webhook_deliveries', 'connector_syncs']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN trace_context text`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['outbox_events', 'webhook_deliveries', 'connector_syncs']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN trace_context`);
    }
  }
}
