import { BadRequestError } from '@provisio/observability';

/** created_at to the microsecond, as Postgres stores it: a JavaScript Date keeps only milliseconds. */
export const CURSOR_AT_SQL = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Opaque keyset cursor over (created_at DESC, id DESC): stable while new deliveries keep arriving. It carries the
 * exact microsecond time, since one fan-out inserts the deliveries of every endpoint with the same created_at.
 */
export function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || !EXACT_TIME.test(at ?? '') || Number.isNaN(new Date(at).getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new BadRequestError('cursor is not valid');
  }
  return { createdAt: at, id };
}
