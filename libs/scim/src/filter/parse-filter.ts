import { AttributePath, FilterNode } from './filter-ast';
import { FilterParser } from './filter-parser';
import { ScimFilterError, ScimPathError } from './scim-filter.error';

/** Parses a `filter` query parameter (RFC 7644 §3.4.2.2); every failure is a ScimFilterError. */
export function parseFilter(source: string): FilterNode {
  const fail = (detail: string): never => {
    throw new ScimFilterError(detail);
  };
  if (source.trim() === '') fail('The filter is empty');
  const parser = FilterParser.tokenize(source, fail);
  const filter = parser.parseFilter();
  parser.expectEnd();
  return filter;
}

/**
 * Parses a PATCH operation's "path" (RFC 7644 §3.5.2 PATH = attrPath / valuePath [subAttr]):
 * `members`, `name.givenName`, `emails[type eq "work"]`, `emails[type eq "work"].value`, URN-prefixed
 * forms. Every failure, including a bad value filter inside the brackets, is a ScimPathError
 * (scimType invalidPath).
 */
export function parsePatchPath(source: string): AttributePath {
  const fail = (detail: string): never => {
    throw new ScimPathError(`Invalid path "${truncate(source)}": ${detail}`);
  };
  if (source.trim() === '') fail('the path is empty');
  const parser = FilterParser.tokenize(source, fail);
  const path = parser.parseAttributePath(0, false);
  const rest = parser.peek();
  if (rest.kind !== 'end') parser.unexpected(rest, 'the end of the path');
  return path;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
