import { weakEtag } from './etag';

/** RFC 7643 §3.1 meta: lastModified equals created until the first change; version is the weak ETag. */
export function renderMeta(
  resourceType: 'User' | 'Group',
  row: { created_at: Date; last_modified: Date; version: number },
  location: string,
): Record<string, string> {
  return {
    resourceType,
    created: row.created_at.toISOString(),
    lastModified: row.last_modified.toISOString(),
    location,
    version: weakEtag(row.version),
  };
}
