import { isJsonObject } from '../resource-model/json-value';

const PREFIX = 'bulkId:';

/** The bulkIds an operation refers to (`"bulkId:x"` anywhere in its data or path, RFC 7644 §3.7.2). */
export function referencedBulkIds(path: string, data: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith(PREFIX)) found.add(value.slice(PREFIX.length));
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isJsonObject(value)) {
      Object.values(value).forEach(visit);
    }
  };
  visit(data);
  for (const segment of path.split('/')) if (segment.startsWith(PREFIX)) found.add(segment.slice(PREFIX.length));
  return found;
}

/** Replaces every `"bulkId:x"` with the id the operation that declared bulkId x created. */
export function substituteBulkIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  const replace = (item: unknown): unknown => {
    if (typeof item === 'string') return item.startsWith(PREFIX) && ids.has(item.slice(PREFIX.length)) ? ids.get(item.slice(PREFIX.length)) : item;
    if (Array.isArray(item)) return item.map(replace);
    if (isJsonObject(item)) return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, replace(inner)]));
    return item;
  };
  return replace(value) as T;
}

export function substitutePath(path: string, ids: ReadonlyMap<string, string>): string {
  return path
    .split('/')
    .map((segment) => (segment.startsWith(PREFIX) && ids.has(segment.slice(PREFIX.length)) ? ids.get(segment.slice(PREFIX.length))! : segment))
    .join('/');
}
