import { AttributeDefinition, GROUP_SCHEMA } from '../schema';
import { invalidValue } from './scim-validation-error';

/**
 * How many values one multi-valued attribute of a resource may hold (emails, roles, entitlements…),
 * published in each attribute's description in /Schemas and in docs/scim.md. Identity providers
 * send a handful; the cap keeps the work one request can demand of the shared event loop small
 * (a 1 MB body holds 30,000 emails). Group members are exempt: they live in their own table and
 * are never held in the group's JSON.
 */
export const MAX_VALUES_PER_ATTRIBUTE = 1000;

const GROUP_MEMBERS = GROUP_SCHEMA.attributes.find((attribute) => attribute.name === 'members');

export function hasValueLimit(attribute: AttributeDefinition): boolean {
  return attribute.multiValued && attribute !== GROUP_MEMBERS;
}

/** 400 invalidValue when `count` values would exceed the cap; checked before any value is read. */
export function assertValueCount(attribute: AttributeDefinition, count: number, label: string): void {
  if (count > MAX_VALUES_PER_ATTRIBUTE && hasValueLimit(attribute)) {
    throw invalidValue(`${label} would hold ${count} values; at most ${MAX_VALUES_PER_ATTRIBUTE} are accepted per attribute`);
  }
}
