/** A WHERE fragment and the values of its positional parameters. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Hands out $n placeholders; user input only ever reaches SQL through here. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(private nextIndex: number) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.nextIndex++}`;
  }
}

/**
 * Quotes a string that comes from our own schema constants (canonical attribute names, schema URNs),
 * never from a request; doubling quotes keeps even a careless future name from breaking out.
 */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `base->'a'->'b'` (jsonb) or `base->'a'->>'b'` (text) over keys taken from the schema. */
export function jsonPath(base: string, keys: readonly string[], asText: boolean): string {
  if (keys.length === 0) return base;
  const parents = keys.slice(0, -1).map((key) => `->${sqlLiteral(key)}`).join('');
  return `${base}${parents}${asText ? '->>' : '->'}${sqlLiteral(keys[keys.length - 1])}`;
}

/** Stored resources may hold null or a stray scalar where an array belongs; iterate those as empty. */
export function jsonArrayOrEmpty(expression: string): string {
  return `CASE WHEN jsonb_typeof(${expression}) = 'array' THEN ${expression} ELSE '[]'::jsonb END`;
}

/** A singular complex attribute iterated like a one-element multi-valued one (for `name[givenName eq "x"]`). */
export function jsonObjectAsArray(expression: string): string {
  return `CASE WHEN jsonb_typeof(${expression}) = 'object' THEN jsonb_build_array(${expression}) ELSE '[]'::jsonb END`;
}

/**
 * RFC 7644 §3.4.2.2 "pr" on a complex value: "contains a non-empty node", i.e. some member that is
 * not null, "", [] or {}.
 */
export function jsonObjectHasContent(expression: string): string {
  return `(jsonb_typeof(${expression}) = 'object' AND EXISTS (SELECT 1 FROM jsonb_each(${expression}) AS scim_node(key, value) WHERE scim_node.value NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)))`;
}

/** co/sw/ew match literally: LIKE's own wildcards and its escape character are escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export const SQL_TRUE = 'TRUE';
export const SQL_FALSE = 'FALSE';
