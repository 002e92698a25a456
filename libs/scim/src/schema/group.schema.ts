import { attribute, complexAttribute } from './attribute-builders';
import { SchemaDefinition } from './attribute-definition';
import { CORE_GROUP_SCHEMA_URN } from './schema-urns';

// RFC 7643 §4.2: members may be added and removed, but each member's sub-attributes are immutable.
const immutable = { mutability: 'immutable' } as const;
// Derived by the server from the member's own resource, whatever a client sends (it is ignored).
const derived = { mutability: 'readOnly' } as const;

/**
 * The JSON of RFC 7643 §8.7.1, corrected where it would mislead a client that trusts /Schemas
 * (RFC 7643 §7): displayName is REQUIRED as §4.2 says (§8.7.1 says false) and enforced so; a
 * member's `type` and `display` are readOnly because the server takes them from the member's
 * resource (§8.7.1 lists `type` as immutable and has no `display`).
 */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: CORE_GROUP_SCHEMA_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', 'A human-readable name for the Group.', { required: true }),
    complexAttribute(
      'members',
      'A list of members of the Group.',
      [
        attribute('value', 'string', 'Identifier of the member of this Group.', immutable),
        attribute('$ref', 'reference', 'The URI corresponding to a SCIM resource that is a member of this Group.', {
          ...immutable,
          referenceTypes: ['User', 'Group'],
        }),
        attribute('type', 'string', 'A label indicating the type of resource, e.g., "User" or "Group"; set by the server.', {
          ...derived,
          canonicalValues: ['User', 'Group'],
        }),
        // Not in §8.7.1; Okta sends it when adding members and IdPs render it.
        attribute('display', 'string', "The member's display name; set by the server.", derived),
      ],
      { multiValued: true },
    ),
  ],
};
