/** A statement with its positional parameters ($1, $2, ...), as node-postgres takes it. */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** One part of a composed statement: its result is readable under `name` in the parts after it and in the SELECT. */
export interface NamedStatement {
  name: string;
  statement: SqlStatement;
}

/**
 * Several data-modifying statements sent as ONE: each becomes a CTE of a single `WITH ... SELECT`, so they cost one
 * round trip and, as one statement, commit or fail together even outside an explicit transaction (autocommit).
 * Postgres runs every data-modifying CTE to completion whether or not the SELECT reads it; all parts see the
 * same snapshot, so a part must not expect to read what another part writes (it may read another part's RETURNING).
 *
 * A part may itself start with `WITH`: its CTEs are lifted to the top level (Postgres allows data-modifying CTEs
 * only there), so CTE names must be unique across the parts. Parameters are renumbered. Supported SQL: what our
 * writers emit — no dollar-quoted strings and no parentheses or `$n` inside comments.
 */
export function composeStatements(parts: NamedStatement[], select: string): SqlStatement {
  const params: unknown[] = [];
  const ctes: string[] = [];
  const names = new Set<string>();
  const add = (name: string, body: string) => {
    if (names.has(name.toLowerCase())) throw new Error(`composeStatements: CTE name "${name}" is used twice`);
    names.add(name.toLowerCase());
    ctes.push(`${name} AS (${body})`);
  };
  for (const part of parts) {
    const { lifted, main } = memoized(part.statement.sql, params.length);
    params.push(...part.statement.params);
    for (const cte of lifted) add(cte.name, cte.body);
    add(part.name, main);
  }
  return { sql: `WITH ${ctes.join(',\n')}\n${select}`, params };
}

/**
 * Writers send a handful of statement texts over and over (one per request on the create path), so each text is
 * scanned once per parameter offset; the bound only guards against a writer that builds unbounded variants.
 */
const MEMO_LIMIT = 512;
const memo = new Map<string, { lifted: Cte[]; main: string }>();

function memoized(sql: string, offset: number): { lifted: Cte[]; main: string } {
  const key = `${offset}:${sql}`;
  let split = memo.get(key);
  if (!split) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    split = splitWith(renumber(sql, offset));
    memo.set(key, split);
  }
  return split;
}

/** `$n` → `$(n + offset)`, outside string literals. */
function renumber(sql: string, offset: number): string {
  if (offset === 0) return sql;
  let out = '';
  scan(sql, (char, i, inString) => {
    if (!inString && char === '$' && /\d/.test(sql[i + 1] ?? '')) {
      const digits = /^\d+/.exec(sql.slice(i + 1))![0];
      out += `$${Number(digits) + offset}`;
      return digits.length + 1;
    }
    out += char;
    return 1;
  });
  return out;
}

interface Cte {
  name: string;
  body: string;
}

/** `WITH a AS (...), b AS (...) <main>` → its CTEs and its main statement; a statement without WITH is all main. */
function splitWith(sql: string): { lifted: Cte[]; main: string } {
  const text = sql.trim();
  if (!/^WITH\s/i.test(text)) return { lifted: [], main: text };
  const lifted: Cte[] = [];
  let rest = text.slice(4);
  for (;;) {
    const head = /^\s*(\w+)\s+AS\s*\(/i.exec(rest);
    if (!head) throw new Error(`composeStatements: cannot read the CTE at "${rest.trim().slice(0, 40)}"`);
    const open = head[0].length - 1;
    const close = matchingParen(rest, open);
    lifted.push({ name: head[1], body: rest.slice(open + 1, close).trim() });
    rest = rest.slice(close + 1);
    const comma = /^\s*,/.exec(rest);
    if (!comma) return { lifted, main: rest.trim() };
    rest = rest.slice(comma[0].length);
  }
}

function matchingParen(sql: string, open: number): number {
  let depth = 0;
  let found = -1;
  scan(sql.slice(open), (char, i, inString) => {
    if (found >= 0 || inString) return 1;
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) found = open + i;
    return 1;
  });
  if (found < 0) throw new Error('composeStatements: unbalanced parentheses');
  return found;
}

/** Walks the SQL telling the visitor whether it is inside a single-quoted literal ('' escapes, E'\'' escapes). */
function scan(sql: string, visit: (char: string, index: number, inString: boolean) => number): void {
  let inString = false;
  let escapes = false;
  for (let i = 0; i < sql.length; ) {
    const char = sql[i];
    if (!inString && char === "'") {
      escapes = /e/i.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
      visit(char, i, false);
      inString = true;
      i++;
      continue;
    }
    if (inString) {
      if (escapes && char === '\\') {
        visit(char, i, true);
        if (i + 1 < sql.length) visit(sql[i + 1], i + 1, true);
        i += 2;
        continue;
      }
      if (char === "'" && sql[i + 1] === "'") {
        visit(char, i, true);
        visit(char, i + 1, true);
        i += 2;
        continue;
      }
      if (char === "'") {
        inString = false;
        visit(char, i, false);
        i++;
        continue;
      }
    }
    i += visit(char, i, inString);
  }
}
