import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * meta.created and meta.lastModified are served with millisecond precision (xsd:dateTime from a JS
 * Date). Stored with microseconds, `meta.lastModified eq "<the value a GET returned>"` matched
 * nothing and `le` skipped the resource itself; kept at the precision served, a filter compares
 * exactly what clients see. Cursors are unaffected (they carry the stored value).
 */
export class ScimTimestampsInMilliseconds1763904100000 implements MigrationInterface {
  name = 'ScimTimestampsInMilliseconds1763904100000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['scim_users', 'scim_groups']) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN created_at TYPE timestamptz(3), ALTER COLUMN last_modified TYPE timestamptz(3)`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['scim_users', 'scim_groups']) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN created_at TYPE timestamptz, ALTER COLUMN last_modified TYPE timestamptz`);
    }
  }
}
