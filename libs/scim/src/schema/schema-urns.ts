/** Schema URNs of RFC 7643 §8 that Provisio serves. */
export const CORE_USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_GROUP_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
