import { QueryRunner } from 'typeorm';
import { CommittedRowsNumbering } from './committed-rows-numbering';
import { CounterRow } from './tenant-counter-lock';

/**
 * Numbers the tenant's committed, not yet numbered rows after the counter, oldest insert first (at most `limit`),
 * and moves the counter; returns how many it numbered. Call it under the tenant's counter lock (underTenantCounter):
 * numbers are then handed out one batch after another, a row that commits late gets a later number, and no reader
 * sees n+1 before n (both come from a transaction that committed before the next one took the lock).
 */
export async function numberCommittedRows<Row>(
  qr: QueryRunner,
  spec: CommittedRowsNumbering<Row>,
  tenantId: string,
  counter: CounterRow,
  limit: number,
): Promise<number> {
  const last = Number(counter.last_sequence);
  return spec.chain ? numberChained(qr, spec, tenantId, counter, limit) : numberPlain(qr, spec, tenantId, last, limit);
}

/** One statement: number the batch and move the counter. */
async function numberPlain(qr: QueryRunner, spec: CommittedRowsNumbering<unknown>, tenantId: string, last: number, limit: number): Promise<number> {
  const [{ n }] = await qr.query(
    `WITH batch AS (
       SELECT id, row_number() OVER (ORDER BY ${spec.insertOrder}) AS n
       FROM (SELECT id, ${spec.insertOrder} FROM ${spec.table}
             WHERE tenant_id = $1 AND sequence IS NULL
             ORDER BY ${spec.insertOrder} LIMIT $3) pending
     ),
     numbered AS (
       UPDATE ${spec.table} r SET sequence = $2::bigint + batch.n
       FROM batch WHERE r.tenant_id = $1 AND r.id = batch.id
       RETURNING 1
     ),
     counted AS (SELECT count(*)::int AS n FROM numbered),
     moved AS (
       UPDATE ${spec.counterTable} c SET last_sequence = $2::bigint + counted.n
       FROM counted WHERE c.tenant_id = $1 AND counted.n > 0
       RETURNING 1
     )
     SELECT n FROM counted`,
    [tenantId, last, limit],
  );
  return n;
}

/** Read the batch, link each row to its predecessor in JavaScript, then write rows and counter in one statement. */
async function numberChained<Row>(qr: QueryRunner, spec: CommittedRowsNumbering<Row>, tenantId: string, counter: CounterRow, limit: number): Promise<number> {
  const chain = spec.chain!;
  const rows: Array<Row & { id: string }> = await qr.query(
    `SELECT id, ${chain.read} FROM ${spec.table} WHERE tenant_id = $1 AND sequence IS NULL ORDER BY ${spec.insertOrder} LIMIT $2`,
    [tenantId, limit],
  );
  if (!rows.length) return 0;
  let sequence = Number(counter.last_sequence);
  let previous = chain.columns.map(([, counterColumn]) => counter[counterColumn]);
  const columns: unknown[][] = chain.columns.map(() => []);
  for (const row of rows) {
    previous = chain.link(row, ++sequence, previous);
    previous.forEach((value, i) => columns[i].push(value));
  }
  const params = [tenantId, rows.map((row) => row.id), rows.map((_, i) => Number(counter.last_sequence) + i + 1), ...columns, sequence, ...previous];
  const column = (i: number) => `$${4 + i}`;
  const lastValue = (i: number) => `$${5 + chain.columns.length + i}`;
  await qr.query(
    `WITH v AS (
       SELECT * FROM unnest($2::uuid[], $3::bigint[], ${chain.columns.map(([, , type], i) => `${column(i)}::${type}[]`).join(', ')})
         AS v(id, sequence, ${chain.columns.map((_, i) => `c${i}`).join(', ')})
     ),
     numbered AS (
       UPDATE ${spec.table} r SET sequence = v.sequence, ${chain.columns.map(([rowColumn], i) => `${rowColumn} = v.c${i}`).join(', ')}
       FROM v WHERE r.tenant_id = $1 AND r.id = v.id
       RETURNING 1
     )
     UPDATE ${spec.counterTable} SET last_sequence = $${4 + chain.columns.length},
       ${chain.columns.map(([, counterColumn, type], i) => `${counterColumn} = ${lastValue(i)}::${type}`).join(', ')}
     WHERE tenant_id = $1`,
    params,
  );
  return rows.length;
}
