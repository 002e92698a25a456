import { LIST_RESPONSE_SCHEMA } from '../http/scim-media-type';
import { ListRequest } from '../paging/list-request';

/**
 * RFC 7644 §3.4.2: a ListResponse also for zero results, integers throughout, Resources always
 * present ([] when empty: Entra's Test Connection and Okta's existence check read it). Index paging
 * echoes startIndex; cursor paging (RFC 9865 §2) gives nextCursor instead while more pages exist.
 */
export function listResponse(request: ListRequest, totalResults: number, resources: unknown[], nextCursor?: string): Record<string, unknown> {
  const body: Record<string, unknown> = { schemas: [LIST_RESPONSE_SCHEMA], totalResults, itemsPerPage: resources.length };
  if (request.cursor === undefined) body.startIndex = request.startIndex;
  if (nextCursor !== undefined) body.nextCursor = nextCursor;
  body.Resources = resources;
  return body;
}
