import { AttributeDefinition } from '../schema';
import { coerceAttributeValue } from './coerce-value';
import { isJsonObject } from './json-value';
import { AttributeRef } from './attribute-ref';
import { invalidValue } from './scim-validation-error';

/** One member as a client names it (RFC 7643 §4.2); `type` is canonicalised for the membership table. */
export interface GroupMember {
  value: string;
  type?: 'User' | 'Group';
  $ref?: string;
  display?: string;
}

/**
 * Group members live in their own table (DESIGN.md), never in the group's JSON: a group with
 * 100,000 members must not be read or rewritten to add one. Validation and PATCH hand them out
 * separately, as a list or as membership changes.
 */
export function isMembershipAttribute(ref: Pick<AttributeRef, 'attribute' | 'inExtension'>): boolean {
  return !ref.inExtension && ref.attribute.name === 'members' && ref.attribute.multiValued && ref.attribute.type === 'complex';
}

/** The members a value names, each once; a bare id string counts as `{value: id}`. */
export function coerceGroupMembers(attribute: AttributeDefinition, raw: unknown): GroupMember[] {
  const values = (coerceAttributeValue(attribute, raw, attribute.name) as unknown[] | undefined) ?? [];
  return distinctMembers(values.map((value) => toGroupMember(value)));
}

function toGroupMember(value: unknown): GroupMember {
  if (!isJsonObject(value) || typeof value.value !== 'string') throw invalidValue('members[].value is required');
  const member: GroupMember = { value: value.value };
  if (value.type !== undefined) member.type = memberType(value.type);
  if (typeof value.$ref === 'string') member.$ref = value.$ref;
  if (typeof value.display === 'string') member.display = value.display;
  return member;
}

function memberType(raw: unknown): 'User' | 'Group' {
  const lower = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (lower === 'user') return 'User';
  if (lower === 'group') return 'Group';
  throw invalidValue('members[].type must be "User" or "Group"');
}

/** Ids in first-seen order without repeats: a member listed twice is one membership row. */
export function distinctMembers(members: readonly GroupMember[]): GroupMember[] {
  const seen = new Map<string, GroupMember>();
  for (const member of members) if (!seen.has(member.value)) seen.set(member.value, member);
  return [...seen.values()];
}
