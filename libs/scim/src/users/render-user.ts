import { JsonObject } from '../resource-model/json-value';
import { ServedResource } from '../http/scim-reply';
import { renderMeta } from '../http/render-meta';
import { UserRow } from '../storage/user-row';

export interface UserGroupRef {
  value: string;
  display: string;
}

/**
 * The User as served: stored attributes between `id` and `meta`, `active` from its column (an
 * unassigned active reads as true), and `groups` (readOnly, RFC 7643 §4.1.2) when they were loaded.
 */
export function renderUser(row: UserRow, baseUrl: string, groups?: UserGroupRef[]): ServedResource {
  const { schemas, ...attributes } = row.resource;
  const location = `${baseUrl}/Users/${row.id}`;
  const body: JsonObject = { schemas, id: row.id, ...attributes, active: row.active };
  if (groups && groups.length > 0) {
    body.groups = groups.map((group) => ({ value: group.value, $ref: `${baseUrl}/Groups/${group.value}`, display: group.display, type: 'direct' }));
  }
  body.meta = renderMeta('User', row, location);
  return { body, version: row.version, location };
}
