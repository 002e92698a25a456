import { randomBytes } from 'node:crypto';
import { cursorKeyFrom, decodeCursor, encodeCursor, InvalidCursorError } from './cursor-codec';

describe('SCIM list cursors', () => {
  const key = cursorKeyFrom(randomBytes(32));
  const binding = { key, tenantId: '5d2b1c3e-0000-4000-8000-000000000001', fingerprint: 'f1' };
  const position = { value: '2026-12-05T07:00:00.000Z', id: '2819c223-7f76-453a-919d-413861904646' };

  it('round-trips a position without revealing the id or the sort value', () => {
    const cursor = encodeCursor(position, binding);
    expect(decodeCursor(cursor, binding)).toEqual(position);
    const bytes = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(bytes).not.toContain('2819c223');
    expect(bytes).not.toContain('2026-12-05');
  });

  it('refuses a cursor that was altered, or replayed for another tenant, query or key', () => {
    const cursor = encodeCursor(position, binding);
    const flipped = Buffer.from(cursor, 'base64url');
    flipped[flipped.length - 1] ^= 1;
    const refused = [
      () => decodeCursor(flipped.toString('base64url'), binding),
      () => decodeCursor(cursor, { ...binding, tenantId: '5d2b1c3e-0000-4000-8000-000000000002' }),
      () => decodeCursor(cursor, { ...binding, fingerprint: 'f2' }),
      () => decodeCursor(cursor, { ...binding, key: cursorKeyFrom(randomBytes(32)) }),
      () => decodeCursor(Buffer.from(JSON.stringify({ k: null, i: position.id, f: 'f1' })).toString('base64url'), binding),
      () => decodeCursor('', binding),
    ];
    for (const decode of refused) expect(decode).toThrow(InvalidCursorError);
  });
});
