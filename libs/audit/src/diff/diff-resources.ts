import { canonicalJson, toPlainJson } from '../chain/canonical-json';
import { AuditChange, MAX_STORED_CHANGES } from './audit-change';
import { diffArrays } from './diff-arrays';
import { isSecretKey, redact, REDACTED } from './redact';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** Server-maintained metadata (lastModified, version) changes on every write and says nothing about what changed. */
const IGNORED_TOP_LEVEL = new Set(['meta']);

/** The attribute-level difference between two resource representations, secrets redacted, at most MAX_STORED_CHANGES long. */
export function diffResources(before: object | null | undefined, after: object | null | undefined): AuditChange[] {
  const out: AuditChange[] = [];
  const b = asObject(toPlainJson(before));
  const a = asObject(toPlainJson(after));
  for (const key of unionOfKeys(b, a)) {
    if (IGNORED_TOP_LEVEL.has(key)) continue;
    // Extension schema URNs are joined to their attributes with ':' (RFC 7644 §3.10), everything else with '.'.
    const joiner = key.toLowerCase().startsWith('urn:') ? ':' : '.';
    diffValues(key, b[key], a[key], isSecretKey(key), out, joiner);
  }
  if (out.length <= MAX_STORED_CHANGES) return out;
  return [...out.slice(0, MAX_STORED_CHANGES), { path: '*', op: 'truncated', omitted: out.length - MAX_STORED_CHANGES }];
}

export function diffValues(path: string, before: Json, after: Json, secret: boolean, out: AuditChange[], joiner = '.'): void {
  const b = absentToUndefined(before);
  const a = absentToUndefined(after);
  if (b === undefined && a === undefined) return;
  if (Array.isArray(b ?? []) && Array.isArray(a ?? [])) {
    diffArrays(path, (b ?? []) as Json[], (a ?? []) as Json[], secret, out);
  } else if (isObject(b ?? {}) && isObject(a ?? {})) {
    const bo = (b ?? {}) as JsonObject;
    const ao = (a ?? {}) as JsonObject;
    for (const key of unionOfKeys(bo, ao)) diffValues(`${path}${joiner}${key}`, bo[key], ao[key], secret || isSecretKey(key), out);
  } else if (b === undefined) {
    out.push({ path, op: 'add', after: shown(a, secret) });
  } else if (a === undefined) {
    out.push({ path, op: 'remove', before: shown(b, secret) });
  } else if (canonicalJson(b) !== canonicalJson(a)) {
    out.push({ path, op: 'replace', before: shown(b, secret), after: shown(a, secret) });
  }
}

/** The value as stored: the marker under a secret key, otherwise a copy with any nested secret redacted. */
export function shown(value: Json, secret: boolean): Json {
  return secret ? REDACTED : redact(value);
}

function unionOfKeys(a: JsonObject, b: JsonObject): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

/** SCIM treats null and an empty array as "unassigned" (RFC 7643 §2.5), the same as a missing attribute. */
function absentToUndefined(value: Json): Json {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return value;
}

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: Json): JsonObject {
  return isObject(value) ? value : {};
}
