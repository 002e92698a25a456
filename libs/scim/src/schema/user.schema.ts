import { attribute, complexAttribute, multiValuedComplexAttribute } from './attribute-builders';
import { AttributeDefinition, SchemaDefinition } from './attribute-definition';
import { CORE_USER_SCHEMA_URN } from './schema-urns';

// Characteristics follow the JSON of RFC 7643 §8.7.1; only values that differ from the §2.2 defaults are given.

const nameAttribute = complexAttribute('name', "The components of the user's real name.", [
  attribute('formatted', 'string', 'The full name, formatted for display.'),
  attribute('familyName', 'string', 'The family name (last name in most Western languages).'),
  attribute('givenName', 'string', 'The given name (first name in most Western languages).'),
  attribute('middleName', 'string', 'The middle name(s).'),
  attribute('honorificPrefix', 'string', 'The honorific prefix(es), for example "Ms.".'),
  attribute('honorificSuffix', 'string', 'The honorific suffix(es), for example "III".'),
]);

const addressesAttribute = complexAttribute(
  'addresses',
  'Physical mailing addresses for this user.',
  [
    attribute('formatted', 'string', 'The full mailing address, formatted for display.'),
    attribute('streetAddress', 'string', 'The full street address component.'),
    attribute('locality', 'string', 'The city or locality component.'),
    attribute('region', 'string', 'The state or region component.'),
    attribute('postalCode', 'string', 'The zip code or postal code component.'),
    attribute('country', 'string', 'The country name component (ISO 3166-1 alpha-2).'),
    attribute('type', 'string', "A label indicating the address's function.", { canonicalValues: ['work', 'home', 'other'] }),
    // §8.7.1 omits "primary" for addresses although §4.1.2 describes one; Entra maps it, so it is served.
    attribute('primary', 'boolean', 'Indicates the primary or preferred mailing address.'),
  ],
  { multiValued: true },
);

const readOnly = { mutability: 'readOnly' } as const;

// RFC 7643 §4.1.2: membership is changed only through the Group resource, so every part is readOnly.
const groupsAttribute = complexAttribute(
  'groups',
  'Groups to which the user belongs, either directly or through nested groups.',
  [
    attribute('value', 'string', 'The identifier of the group.', readOnly),
    attribute('$ref', 'reference', 'The URI of the corresponding Group resource.', { ...readOnly, referenceTypes: ['User', 'Group'] }),
    attribute('display', 'string', "The group's display name.", readOnly),
    attribute('type', 'string', 'How the membership is derived.', { ...readOnly, canonicalValues: ['direct', 'indirect'] }),
  ],
  { multiValued: true, ...readOnly },
);

const userAttributes: AttributeDefinition[] = [
  attribute('userName', 'string', 'Unique identifier for the user, typically used to authenticate.', {
    required: true,
    uniqueness: 'server',
  }),
  nameAttribute,
  attribute('displayName', 'string', 'The name of the user, suitable for display to end-users.'),
  attribute('nickName', 'string', 'The casual way to address the user in real life.'),
  attribute('profileUrl', 'reference', "A fully qualified URL pointing to the user's online profile.", { referenceTypes: ['external'] }),
  attribute('title', 'string', "The user's title, such as \"Vice President\"."),
  attribute('userType', 'string', 'The relationship between the organization and the user.'),
  attribute('preferredLanguage', 'string', "The user's preferred written or spoken language (RFC 7231 Accept-Language)."),
  attribute('locale', 'string', "The user's default location for localizing items such as currency and dates."),
  attribute('timezone', 'string', "The user's time zone in IANA Time Zone database format."),
  attribute('active', 'boolean', "The user's administrative status."),
  attribute('password', 'string', "The user's cleartext password, accepted on write and never returned.", {
    mutability: 'writeOnly',
    returned: 'never',
  }),
  multiValuedComplexAttribute('emails', 'Email addresses for the user.', { types: ['work', 'home', 'other'] }),
  multiValuedComplexAttribute('phoneNumbers', 'Phone numbers for the user.', {
    types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
  }),
  multiValuedComplexAttribute('ims', 'Instant messaging addresses for the user.', {
    types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
  }),
  multiValuedComplexAttribute('photos', 'URLs of images of the user.', {
    types: ['photo', 'thumbnail'],
    valueType: 'reference',
    valueReferenceTypes: ['external'],
  }),
  addressesAttribute,
  groupsAttribute,
  multiValuedComplexAttribute('entitlements', 'Entitlements for the user.'),
  multiValuedComplexAttribute('roles', 'Roles for the user.'),
  multiValuedComplexAttribute('x509Certificates', 'X.509 certificates issued to the user.', { valueType: 'binary' }),
];

export const USER_SCHEMA: SchemaDefinition = {
  id: CORE_USER_SCHEMA_URN,
  name: 'User',
  description: 'User Account',
  attributes: userAttributes,
};
