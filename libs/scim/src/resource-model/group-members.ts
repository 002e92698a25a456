import { AttributeDefinition } from '../schema';
import { coerceAttributeValue } from './coerce-value';
import { isJsonObject } from './json-value';
import { AttributeRef } from './attribute-ref';
import { invalidValue } from './scim-validation-error';

/**
 * One member as a client names it (RFC 7643 §4.2): its id. `type` and `display` are readOnly, taken
 * from the member's own resource, so the validator drops them like any readOnly sub-attribute.
 */
export interface GroupMember {
  value: string;
  $ref?: string;
}

/**
 * Group members live in their own table (DESIGN.md), never in the group's JSON: a group with
 * 100,000 members must not be read or rewritten to add one. Validation and PATCH hand them out
 * separately, as a list or as membership changes.
 */
export function isMembershipAttribute(ref: Pick<AttributeRef, 'attribute' | 'inExtension'>): boolean {
  return !ref.inExtension && ref.attribute.name === 'members' && ref.attribute.multiValued && ref.attribute.type === 'complex';
}

/** The members a value names, each once (each an object with `value`, RFC 7643 §4.2). */
export function coerceGroupMembers(attribute: AttributeDefinition, raw: unknown): GroupMember[] {
  // Checked on the raw values: a member with only readOnly sub-attributes would otherwise vanish silently.
  for (const item of Array.isArray(raw) ? raw : [raw]) {
    if (isJsonObject(item) && !Object.keys(item).some((key) => key.toLowerCase() === 'value')) throw invalidValue('members[].value is required');
  }
  const values = (coerceAttributeValue(attribute, raw, attribute.name) as unknown[] | undefined) ?? [];
  return distinctMembers(values.map((value) => toGroupMember(value)));
}

function toGroupMember(value: unknown): GroupMember {
  if (!isJsonObject(value) || typeof value.value !== 'string') throw invalidValue('members[].value is required');
  const member: GroupMember = { value: value.value };
  if (typeof value.$ref === 'string') member.$ref = value.$ref;
  return member;
}

/** Ids in first-seen order without repeats: a member listed twice is one membership row. */
export function distinctMembers(members: readonly GroupMember[]): GroupMember[] {
  const seen = new Map<string, GroupMember>();
  for (const member of members) if (!seen.has(member.value)) seen.set(member.value, member);
  return [...seen.values()];
}
