import { LocalResource } from '../connector';

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Server-assigned or derived attributes the store sets itself (RFC 7643 §3.1, §4.1.2). */
const NOT_SENT = new Set(['id', 'meta', 'groups', 'members', 'password']);

/**
 * Our user as the store should hold it. externalId is "an identifier for the resource as defined by the
 * provisioning client" (RFC 7643 §3.1): we are that client, so it carries our id.
 */
export function remoteUser(user: LocalResource): Record<string, unknown> {
  const body: Record<string, unknown> = { schemas: [USER_SCHEMA] };
  for (const [key, value] of Object.entries(user)) if (!NOT_SENT.has(key)) body[key] = value;
  body.externalId = user.id;
  return body;
}

export function remoteGroup(group: LocalResource): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA], displayName: group.displayName, externalId: group.id };
}

/** A filter value inside double quotes: RFC 7644 §3.4.2.2 string literals are JSON strings. */
export function quoted(value: unknown): string {
  return JSON.stringify(String(value));
}
