import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Preload for a server under the bench: counts the SQL statements it sends, by their first words, and
 * rewrites the counts to $COUNT_QUERIES_FILE every second (a server stopped by a signal may not run exit
 * handlers). Divided by the requests of a scenario it gives round trips per request, which pg_stat_statements
 * would give if the shared Postgres preloaded it.
 *
 *   COUNT_QUERIES_FILE=/tmp/queries.json node -r ./dist/bench/profile/count-queries.js dist/apps/api/main.js
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as typeof import('pg');

const file = process.env.COUNT_QUERIES_FILE;
const counts = new Map<string, number>();

/** "INSERT INTO scim_users", "WITH clock ...", "SELECT ... FROM api_tokens": enough to tell statements apart. */
function statementKey(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  const verb = words.split(' ')[0]?.toUpperCase() ?? '?';
  const table = /\b(?:FROM|INTO|UPDATE)\s+("?[\w.]+"?)/i.exec(words)?.[1]?.replace(/"/g, '');
  return table ? `${verb} ${table}` : words.slice(0, 40);
}

if (file) {
  mkdirSync(dirname(file), { recursive: true });
  const original = pg.Client.prototype.query;
  // Every pg entry point (TypeORM, pools, our repositories) ends in Client#query.
  pg.Client.prototype.query = function countedQuery(this: unknown, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text ?? '?';
    const key = statementKey(text);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  setInterval(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    writeFileSync(file, `${JSON.stringify({ total, byStatement: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])) }, null, 2)}\n`);
  }, 1000).unref();
}
