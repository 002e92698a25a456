import { isJsonObject } from '../resource-model/json-value';
import { AppError } from '@provisio/observability';
import { SEARCH_REQUEST_SCHEMA } from '../http/scim-media-type';

/**
 * A SearchRequest body (RFC 7644 §3.4.3): the list parameters as JSON members. `attributes` and
 * `excludedAttributes` are arrays of names there; member names are matched case-insensitively.
 */
export function readSearchBody(body: unknown): Record<string, unknown> {
  if (!isJsonObject(body)) throw new AppError(400, 'The request body must be a SearchRequest object', 'invalidSyntax');
  const lower = new Map(Object.entries(body).map(([key, value]) => [key.toLowerCase(), value]));
  const schemas = lower.get('schemas');
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && s.toLowerCase() === SEARCH_REQUEST_SCHEMA.toLowerCase()))) {
    throw new AppError(400, `schemas must contain ${SEARCH_REQUEST_SCHEMA}`, 'invalidSyntax');
  }
  const request: Record<string, unknown> = {};
  for (const name of ['filter', 'sortBy', 'sortOrder', 'startIndex', 'count', 'cursor', 'attributes', 'excludedAttributes']) {
    const value = lower.get(name.toLowerCase());
    if (value !== undefined && value !== null) request[name] = value;
  }
  return request;
}
