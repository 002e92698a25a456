import { renderMeta } from '../http/render-meta';
import { ServedResource } from '../http/scim-reply';
import { JsonObject } from '../resource-model/json-value';
import { GroupRow } from '../storage/group-row';
import { MemberType } from '../storage/memberships.repository';

export interface GroupMemberRef {
  value: string;
  type: MemberType;
  display: string | null;
}

/**
 * The Group as served. `members` (RFC 7643 §4.2) is rendered only when it was loaded from
 * scim_group_members, i.e. when the answer returns it; an empty membership is omitted (unassigned).
 */
export function renderGroup(row: GroupRow, baseUrl: string, members?: GroupMemberRef[]): ServedResource {
  const { schemas, ...attributes } = row.resource;
  const location = `${baseUrl}/Groups/${row.id}`;
  const body: JsonObject = { schemas, id: row.id, ...attributes };
  if (members && members.length > 0) body.members = members.map((member) => renderMember(member, baseUrl));
  body.meta = renderMeta('Group', row, location);
  return { body, version: row.version, location };
}

function renderMember(member: GroupMemberRef, baseUrl: string): JsonObject {
  const rendered: JsonObject = {
    value: member.value,
    $ref: `${baseUrl}/${member.type === 'User' ? 'Users' : 'Groups'}/${member.value}`,
    type: member.type,
  };
  if (member.display) rendered.display = member.display;
  return rendered;
}
