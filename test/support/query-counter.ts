import { Client } from 'pg';

export interface QueryCounter {
  /** Statements sent since the counter started (or since reset()), oldest first. */
  readonly statements: string[];
  reset(): void;
  stop(): void;
}

/**
 * Counts the statements this process sends to Postgres: every pg entry point (TypeORM, pools, our repositories)
 * ends in one Client#query call, and each call is one round trip (node-postgres sends them one at a time, never
 * pipelined). Wraps the real client, so the statements still run against the real database.
 */
export function countQueries(): QueryCounter {
  const original = Client.prototype.query;
  const statements: string[] = [];
  Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '?');
    statements.push(text.replace(/\s+/g, ' ').trim().slice(0, 80));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    statements,
    reset: () => void statements.splice(0),
    stop: () => {
      Client.prototype.query = original;
    },
  };
}
