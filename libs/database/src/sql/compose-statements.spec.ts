import { composeStatements } from './compose-statements';

describe('composeStatements', () => {
  it('turns each part into a CTE and renumbers the parameters of the later parts', () => {
    const composed = composeStatements(
      [
        { name: 'created', statement: { sql: 'INSERT INTO a (x, y) VALUES ($1, $2) RETURNING x', params: [1, 2] } },
        { name: 'logged', statement: { sql: 'INSERT INTO b (x, z) VALUES ($1, $2::jsonb)', params: [3, '{}'] } },
      ],
      'SELECT x FROM created',
    );
    expect(composed.sql).toBe(
      'WITH created AS (INSERT INTO a (x, y) VALUES ($1, $2) RETURNING x),\nlogged AS (INSERT INTO b (x, z) VALUES ($3, $4::jsonb))\nSELECT x FROM created',
    );
    expect(composed.params).toEqual([1, 2, 3, '{}']);
  });

  it('lifts the CTEs of a part that starts with WITH, leaving literals with $ and parentheses alone', () => {
    const part = `WITH clock AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS now),
      head AS (INSERT INTO h (t, s) SELECT $1, E'(\\n$1' || $2 FROM clock RETURNING s)
      INSERT INTO e (t, s, note) SELECT $1, head.s, 'it''s ($9)' FROM head`;
    const composed = composeStatements(
      [
        { name: 'first', statement: { sql: 'INSERT INTO a VALUES ($1)', params: ['a'] } },
        { name: 'event', statement: { sql: part, params: ['t', 'c'] } },
      ],
      'SELECT 1',
    );
    expect(composed.sql.split(',\n').map((cte) => cte.replace(/\s+/g, ' ').trim())).toEqual([
      'WITH first AS (INSERT INTO a VALUES ($1))',
      "clock AS (SELECT date_trunc('milliseconds', clock_timestamp()) AS now)",
      "head AS (INSERT INTO h (t, s) SELECT $2, E'(\\n$1' || $3 FROM clock RETURNING s)",
      "event AS (INSERT INTO e (t, s, note) SELECT $2, head.s, 'it''s ($9)' FROM head) SELECT 1",
    ]);
    expect(composed.params).toEqual(['a', 't', 'c']);
  });

  it('refuses two CTEs of the same name, which Postgres would reject less clearly', () => {
    const part = { sql: 'WITH clock AS (SELECT now()) INSERT INTO e SELECT * FROM clock', params: [] };
    expect(() => composeStatements([{ name: 'a', statement: part }, { name: 'b', statement: part }], 'SELECT 1')).toThrow(/"clock" is used twice/);
  });
});
