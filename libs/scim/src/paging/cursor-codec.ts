import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@provisio/observability';
import { KeysetPosition } from '../sort/keyset-predicate';

/** RFC 9865 §3: a cursor that cannot be read, or belongs to another query, is 400 invalidCursor. */
export class InvalidCursorError extends AppError {
  constructor(detail: string) {
    super(400, detail, 'invalidCursor');
  }
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The cursor key, derived (HKDF, RFC 5869) from SECRETS_ENCRYPTION_KEY so no new secret is needed. */
export function cursorKeyFrom(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'provisio/scim-list-cursor/v1', 32));
}

/** Binds a cursor to the query it came from: replaying it with another filter or sort is an error. */
export function queryFingerprint(parts: Array<string | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

/** What a cursor is sealed to: the key, and the tenant and query it may be replayed with. */
export interface CursorBinding {
  key: Buffer;
  tenantId: string;
  fingerprint: string;
}

/**
 * A keyset position (sort key and id of the last resource served), sealed with AES-256-GCM: the
 * client sees neither the id nor the sort value (a timestamp, a name), cannot forge a position, and
 * cannot replay the cursor for another tenant or query (both are the associated data). Cursors stay
 * valid while resources change, because a page never depends on rows before the position, and they
 * do not expire. Layout: version byte, IV, tag, ciphertext, base64url.
 */
export function encodeCursor(position: KeysetPosition, binding: CursorBinding): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', binding.key, iv);
  cipher.setAAD(associatedData(binding));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify({ k: position.value, i: position.id }), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

export function decodeCursor(cursor: string, binding: CursorBinding): KeysetPosition {
  const decoded = open(cursor, binding) as { k?: unknown; i?: unknown } | undefined;
  const valid =
    typeof decoded === 'object' && decoded !== null && typeof decoded.i === 'string' && /^[0-9a-f-]{36}$/i.test(decoded.i) &&
    (decoded.k === null || typeof decoded.k === 'string');
  if (!valid) throw new InvalidCursorError('The cursor is not one this service issued for this query (same filter and sort order)');
  return { value: decoded!.k as string | null, id: decoded!.i as string };
}

function open(cursor: string, binding: CursorBinding): unknown {
  const sealed = Buffer.from(cursor, 'base64url');
  if (sealed.length <= 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', binding.key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    return undefined; // a forged, truncated or foreign cursor fails authentication
  }
}

function associatedData(binding: CursorBinding): Buffer {
  return Buffer.from(`${binding.tenantId}\n${binding.fingerprint}`);
}
