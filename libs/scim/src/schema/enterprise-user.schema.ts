import { attribute, complexAttribute } from './attribute-builders';
import { SchemaDefinition } from './attribute-definition';
import { ENTERPRISE_USER_SCHEMA_URN } from './schema-urns';

/** RFC 7643 §4.3 and the JSON of §8.7.2. */
export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA_URN,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string', 'Numeric or alphanumeric identifier assigned to a person by the organization.'),
    attribute('costCenter', 'string', 'Identifies the name of a cost center.'),
    attribute('organization', 'string', 'Identifies the name of an organization.'),
    attribute('division', 'string', 'Identifies the name of a division.'),
    attribute('department', 'string', 'Identifies the name of a department.'),
    complexAttribute('manager', "The user's manager.", [
      attribute('value', 'string', 'The id of the SCIM resource representing the manager.'),
      attribute('$ref', 'reference', 'The URI of the SCIM resource representing the manager.', { referenceTypes: ['User'] }),
      attribute('displayName', 'string', "The manager's displayName, set by the service provider.", { mutability: 'readOnly' }),
    ]),
  ],
};
