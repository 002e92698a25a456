import { canonicalJson } from '../chain/canonical-json';
import { AuditChange } from './audit-change';
import { diffValues, shown } from './diff-resources';

type Json = unknown;

/**
 * Multi-valued attributes are compared as sets, not by position: IdPs reorder emails and members freely.
 * Complex values are matched by `value` (plus `type` when present), or by `type` alone (addresses), so a
 * changed sub-attribute shows as `emails[value eq "a@x" and type eq "work"].primary`; a value that is
 * added or removed shows whole at `members[value eq "<id>" and type eq "User"]`. Anything else is matched on its whole content.
 */
export function diffArrays(path: string, before: Json[], after: Json[], secret: boolean, out: AuditChange[]): void {
  const b = keyed(before);
  const a = keyed(after);
  if (!b || !a) {
    const bw = byContent(before);
    const aw = byContent(after);
    for (const [key, value] of bw) if (!aw.has(key)) out.push({ path, op: 'remove', before: shown(value, secret) });
    for (const [key, value] of aw) if (!bw.has(key)) out.push({ path, op: 'add', after: shown(value, secret) });
    return;
  }
  for (const [filter, value] of b) {
    const elementPath = `${path}[${filter}]`;
    if (a.has(filter)) diffValues(elementPath, value, a.get(filter), secret, out);
    else out.push({ path: elementPath, op: 'remove', before: shown(value, secret) });
  }
  for (const [filter, value] of a) if (!b.has(filter)) out.push({ path: `${path}[${filter}]`, op: 'add', after: shown(value, secret) });
}

/** Elements by their SCIM value filter, or null when some element has no identity or two share one. */
function keyed(values: Json[]): Map<string, Json> | null {
  const map = new Map<string, Json>();
  for (const element of values) {
    const filter = identityFilter(element);
    if (filter === null || map.has(filter)) return null;
    map.set(filter, element);
  }
  return map;
}

function identityFilter(element: Json): string | null {
  if (!element || typeof element !== 'object' || Array.isArray(element)) return null;
  const { value, type } = element as { value?: Json; type?: Json };
  const typePart = typeof type === 'string' ? `type eq ${JSON.stringify(type)}` : null;
  if (value !== undefined && value !== null && typeof value !== 'object') {
    const valuePart = `value eq ${JSON.stringify(value)}`;
    return typePart ? `${valuePart} and ${typePart}` : valuePart;
  }
  return typePart;
}

function byContent(values: Json[]): Map<string, Json> {
  return new Map(values.map((value) => [canonicalJson(value), value]));
}
