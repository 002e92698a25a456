import { AppError } from '@provisio/observability';

/** RFC 7644 §3.14: meta.version is a weak entity tag built from the row's version counter. */
export function weakEtag(version: number): string {
  return `W/"${version}"`;
}

/** The entity tags of an If-Match / If-None-Match header, weak prefix kept; '*' stands alone. */
function parseEtagList(header: string): string[] {
  return header.split(',').map((tag) => tag.trim()).filter(Boolean);
}

/** Weak comparison (RFC 9110 §8.8.3.2): W/"3" and "3" name the same version. */
function sameTag(a: string, b: string): boolean {
  return a.replace(/^W\//i, '') === b.replace(/^W\//i, '');
}

export class PreconditionFailedError extends AppError {
  constructor(current: number) {
    super(412, `The resource has changed: its current version is ${weakEtag(current)}`);
  }
}

/** If-Match on PUT/PATCH/DELETE (RFC 7644 §3.14): a stale version is 412 and nothing changes. */
export function assertIfMatch(ifMatch: string | undefined, currentVersion: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') return;
  const tags = parseEtagList(ifMatch);
  if (tags.includes('*')) return;
  if (!tags.some((tag) => sameTag(tag, weakEtag(currentVersion)))) throw new PreconditionFailedError(currentVersion);
}

/** If-None-Match on GET: true when the client already holds the current version (answer 304). */
export function matchesIfNoneMatch(ifNoneMatch: string | undefined, currentVersion: number): boolean {
  if (ifNoneMatch === undefined || ifNoneMatch.trim() === '') return false;
  const tags = parseEtagList(ifNoneMatch);
  return tags.includes('*') || tags.some((tag) => sameTag(tag, weakEtag(currentVersion)));
}
