import { JsonObject } from '../resource-model/json-value';

/** A scim_groups row as the repositories select it; members live in scim_group_members. */
export interface GroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  resource: JsonObject;
  version: number;
  created_at: Date;
  last_modified: Date;
}

export const GROUP_COLUMNS = 'id, display_name, external_id, resource, version, created_at, last_modified';

export interface GroupColumns {
  displayName: string;
  externalId: string | null;
  resource: JsonObject;
}

export function groupColumns(resource: JsonObject): GroupColumns {
  return {
    displayName: String(resource.displayName),
    externalId: typeof resource.externalId === 'string' ? resource.externalId : null,
    resource,
  };
}
