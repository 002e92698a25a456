import { SchemaDefinition } from './attribute-definition';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user.schema';
import { GROUP_SCHEMA } from './group.schema';
import { USER_SCHEMA } from './user.schema';

export type ResourceTypeName = 'User' | 'Group';

/** RFC 7643 §6 resource type, with the schema definitions resolved rather than only their URNs. */
export interface ResourceTypeDefinition {
  id: ResourceTypeName;
  name: ResourceTypeName;
  description: string;
  /** Relative to the SCIM base URL, as /ResourceTypes shows it. */
  endpoint: string;
  schema: SchemaDefinition;
  schemaExtensions: { schema: SchemaDefinition; required: boolean }[];
}

export const USER_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'User',
  name: 'User',
  description: 'User Account',
  endpoint: '/Users',
  schema: USER_SCHEMA,
  // Optional: Okta and most clients create users with the core schema only.
  schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
};

export const GROUP_RESOURCE_TYPE: ResourceTypeDefinition = {
  id: 'Group',
  name: 'Group',
  description: 'Group',
  endpoint: '/Groups',
  schema: GROUP_SCHEMA,
  schemaExtensions: [],
};

export const RESOURCE_TYPES: readonly ResourceTypeDefinition[] = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];
export const SCHEMAS: readonly SchemaDefinition[] = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA];
