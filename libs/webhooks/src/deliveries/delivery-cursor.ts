import { BadRequestError } from '@provisio/observability';

/** Opaque keyset cursor over (created_at DESC, id DESC): stable while new deliveries keep arriving. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new BadRequestError('cursor is not valid');
  return { createdAt, id };
}
