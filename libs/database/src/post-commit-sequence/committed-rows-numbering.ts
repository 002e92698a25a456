/**
 * Describes a table whose rows are written without a number inside the change's transaction and numbered per
 * tenant after commit (libs/events numbers outbox events this way, libs/audit seals audit events). Names are
 * constants of the owning lib, never input.
 */
export interface CommittedRowsNumbering<Row = Record<string, unknown>> {
  /** The rows: `tenant_id`, `id uuid`, `sequence bigint` (NULL until numbered) and the `insertOrder` column. */
  table: string;
  /**
   * Grows with every insert (an identity or sequence default). It orders the rows one pass sees; it is not commit
   * order, so nobody pages on it: a row that commits after a pass simply gets a later number in the next one.
   */
  insertOrder: string;
  /** One row per tenant (`tenant_id`, `last_sequence` with defaults for the rest): see lockTenantCounter. */
  counterTable: string;
  /** Values each row gets with its number that depend on its predecessor's (the audit hash chain). */
  chain?: ChainedColumns<Row>;
}

export interface ChainedColumns<Row> {
  /** Columns read from each unnumbered row for `link` (besides `id`). */
  read: string;
  /**
   * Written on each row with its number; the newest row's values also go to the counter row, where the next pass
   * starts from them: `[row column, counter column, SQL type]`.
   */
  columns: ReadonlyArray<readonly [row: string, counter: string, type: string]>;
  /** The values of `columns` for `row`, numbered `sequence`, given its predecessor's (the counter's before the first row). */
  link(row: Row, sequence: number, previous: unknown[]): unknown[];
}
