import { attribute, complexAttribute } from './attribute-builders';
import { SchemaDefinition } from './attribute-definition';
import { CORE_GROUP_SCHEMA_URN } from './schema-urns';

// RFC 7643 §4.2: members may be added and removed, but each member's sub-attributes are immutable.
const immutable = { mutability: 'immutable' } as const;

/**
 * The JSON of RFC 7643 §8.7.1. Its displayName says "required": false although §4.2 calls it
 * REQUIRED; the schema mirrors §8.7.1 and the validator enforces §4.2.
 */
export const GROUP_SCHEMA: SchemaDefinition = {
  id: CORE_GROUP_SCHEMA_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', 'A human-readable name for the Group.'),
    complexAttribute(
      'members',
      'A list of members of the Group.',
      [
        attribute('value', 'string', 'Identifier of the member of this Group.', immutable),
        attribute('$ref', 'reference', 'The URI corresponding to a SCIM resource that is a member of this Group.', {
          ...immutable,
          referenceTypes: ['User', 'Group'],
        }),
        attribute('type', 'string', 'A label indicating the type of resource, e.g., "User" or "Group".', {
          ...immutable,
          canonicalValues: ['User', 'Group'],
        }),
        // Not in §8.7.1; Okta sends it when adding members and IdPs render it.
        attribute('display', 'string', "The member's display name.", immutable),
      ],
      { multiValued: true },
    ),
  ],
};
