import { ResourceTypeName } from '../schema';
import { compileProjection, Projection, ProjectionParams } from '../projection/projection';

/** A compiled projection plus whether the client asked for one (Group PATCH answers 200 then, else 204). */
export interface RequestedProjection {
  projection: Projection;
  requested: boolean;
}

/** `attributes` / `excludedAttributes` from a query string or a SearchRequest (RFC 7644 §3.4.2.5, §3.9, §3.4.3). */
export function requestedProjection(resourceType: ResourceTypeName, attributes: unknown, excludedAttributes: unknown): RequestedProjection {
  const params: ProjectionParams = {};
  const included = joinList(attributes);
  const excluded = joinList(excludedAttributes);
  if (included) params.attributes = included;
  if (excluded) params.excludedAttributes = excluded;
  return { projection: compileProjection(resourceType, params), requested: included !== undefined || excluded !== undefined };
}

/** A repeated query parameter arrives as an array; a SearchRequest sends a JSON array of names. */
function joinList(raw: unknown): string | undefined {
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const joined = values.filter((value): value is string => typeof value === 'string').join(',');
  return joined.trim() === '' ? undefined : joined;
}
