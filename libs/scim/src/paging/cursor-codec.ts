import { createHash } from 'node:crypto';
import { AppError } from '@provisio/observability';
import { KeysetPosition } from '../sort/keyset-predicate';

/** RFC 9865 §3: a cursor that cannot be read, or belongs to another query, is 400 invalidCursor. */
export class InvalidCursorError extends AppError {
  constructor(detail: string) {
    super(400, detail, 'invalidCursor');
  }
}

/** Binds a cursor to the query it came from: replaying it with another filter or sort is an error. */
export function queryFingerprint(parts: Array<string | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

/**
 * A keyset position (sort key and id of the last resource served) bound to its query. Cursors stay
 * valid while resources change, because a page never depends on rows before the position, and they
 * do not expire.
 */
export function encodeCursor(position: KeysetPosition, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ k: position.value, i: position.id, f: fingerprint })).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): KeysetPosition {
  let decoded: { k?: unknown; i?: unknown; f?: unknown } | null = null;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const valid =
    typeof decoded === 'object' && decoded !== null && typeof decoded.i === 'string' && /^[0-9a-f-]{36}$/i.test(decoded.i) &&
    (decoded.k === null || typeof decoded.k === 'string');
  if (!valid) throw new InvalidCursorError('The cursor is not one this service issued');
  if (decoded!.f !== fingerprint) throw new InvalidCursorError('The cursor belongs to a query with another filter or sort order');
  return { value: decoded!.k as string | null, id: decoded!.i as string };
}
