import { COORDINATOR_TABLES, DISTRIBUTION_COLUMN, REFERENCE_TABLES } from '@provisio/database';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The schema stays ready to be distributed by tenant (Citus, docs/scaling.md): every rule below is one
 * that `create_distributed_table` would otherwise refuse, or one that would make a tenant's query touch
 * every shard. It runs on the fully migrated schema, so a new migration that breaks a rule fails here.
 */
describe('schema ready for distribution by tenant', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function tables(): Promise<{ name: string; distributed: boolean }[]> {
    const { rows } = await client.query(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = $1 AND NOT a.attisdropped) AS distributed
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY 1`,
      [DISTRIBUTION_COLUMN],
    );
    return rows;
  }

  async function distributedTables(): Promise<string[]> {
    return (await tables()).filter((t) => t.distributed).map((t) => t.name);
  }

  it('places every table: distributed by tenant_id, or listed as a reference or coordinator table', async () => {
    const unplaced = (await tables()).filter((t) => !t.distributed && !REFERENCE_TABLES.includes(t.name) && !COORDINATOR_TABLES.includes(t.name));
    expect(unplaced.map((t) => t.name)).toEqual([]);
    const listedButTenantOwned = (await tables()).filter((t) => t.distributed && REFERENCE_TABLES.includes(t.name));
    expect(listedButTenantOwned.map((t) => t.name)).toEqual([]);
  });

  it('keeps tenant_id NOT NULL on every distributed table', async () => {
    const { rows } = await client.query(
      `SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = ANY($1) AND a.attname = $2 AND NOT a.attnotnull`,
      [await distributedTables(), DISTRIBUTION_COLUMN],
    );
    expect(rows).toEqual([]);
  });

  it('has tenant_id in the primary key and every unique index of a distributed table', async () => {
    const { rows } = await client.query(
      `SELECT c.relname AS table, i.relname AS index, x.indisprimary AS primary
         FROM pg_index x
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = $2
        WHERE c.relname = ANY($1) AND x.indisunique AND NOT (a.attnum = ANY(x.indkey::int2[]))`,
      [await distributedTables(), DISTRIBUTION_COLUMN],
    );
    expect(rows).toEqual([]);
    const { rows: withoutPrimaryKey } = await client.query(
      `SELECT c.relname FROM pg_class c
        WHERE c.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid AND x.indisprimary)`,
      [await distributedTables()],
    );
    expect(withoutPrimaryKey).toEqual([]);
  });

  it('joins distributed tables by tenant_id in every foreign key, and points others only at reference tables', async () => {
    const { rows } = await client.query(
      `SELECT con.conname, src.relname AS source, dst.relname AS target,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS source_columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS target_columns
         FROM pg_constraint con
         JOIN pg_class src ON src.oid = con.conrelid
         JOIN pg_class dst ON dst.oid = con.confrelid
        WHERE con.contype = 'f'`,
    );
    const distributed = await distributedTables();
    const wrong = rows.filter((fk: { source: string; target: string; source_columns: string[]; target_columns: string[] }) => {
      if (REFERENCE_TABLES.includes(fk.target)) return false;
      if (!distributed.includes(fk.source) || !distributed.includes(fk.target)) return true;
      const position = fk.source_columns.indexOf(DISTRIBUTION_COLUMN);
      return position < 0 || fk.target_columns[position] !== DISTRIBUTION_COLUMN;
    });
    expect(wrong.map((fk: { conname: string }) => fk.conname)).toEqual([]);
  });

  it('lets reference tables reference only reference tables', async () => {
    const { rows } = await client.query(
      `SELECT con.conname FROM pg_constraint con
         JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
        WHERE con.contype = 'f' AND src.relname = ANY($1) AND NOT (dst.relname = ANY($1))`,
      [REFERENCE_TABLES],
    );
    expect(rows).toEqual([]);
  });
});
