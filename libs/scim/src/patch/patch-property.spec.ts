import fc from 'fast-check';
import { jsonEqual } from '../resource-model/json-value';
import { ScimValidationError } from '../resource-model/scim-validation-error';
import { validateResource } from '../validation/validate-resource';
import { applyPatch } from './apply-patch';
import { ENTERPRISE, GROUP, GROUP_ID, storedUser, USER_ID } from './patch-test-helpers';

const paths = [
  'userName', 'active', 'title', 'name', 'name.givenName', 'NAME.FAMILYNAME', 'emails', 'emails.value', 'emails[type eq "work"]',
  'emails[type eq "work"].value', 'emails[value co "@" or primary eq true].type', 'addresses[type eq "work"].locality',
  'phoneNumbers[type eq "mobile"].value', 'roles', 'x509Certificates', 'groups', 'id', 'meta.created', 'password',
  `${ENTERPRISE}:manager`, `${ENTERPRISE}:manager.value`, `${ENTERPRISE}:department`, 'members', 'members[value eq "a"]',
  'displayName', 'emails[type eq', 'nope', '', 'emails[primary gt true]', 'urn:x:y:z',
];

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const element = fc.record(
  { value: fc.oneof(fc.constantFrom('a', 'b@x.com', 'A'), fc.string()), type: fc.constantFrom('work', 'home', 'Work'), primary: fc.constantFrom(true, false, 'True'), locality: fc.string() },
  { requiredKeys: [] },
);
// Mostly plausible values, so most operations succeed and the resulting resource is checked too.
const value = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.string(), fc.boolean(), fc.constantFrom('True', 'False', '', null, 'm-1'), element, fc.array(element, { maxLength: 3 })) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...paths, 'id', 'schemas', ENTERPRISE), fc.oneof(fc.string(), fc.boolean(), element, fc.constant(null))) },
  { weight: 1, arbitrary: jsonValue },
);
const text = fc.oneof(fc.constantFrom('', 'x', 'Babs'), fc.string());
const flag = fc.constantFrom(true, false, 'True', 'false', '', null);
// Paths with values of the right kind: most of these operations succeed.
const typedOperation = fc.oneof(
  ...(
    [
      ['title', text], ['NAME.givenName', text], ['name', fc.record({ givenName: text, familyName: text }, { requiredKeys: [] })],
      ['active', flag], ['emails', fc.oneof(element, fc.array(element, { maxLength: 3 }))], ['emails[type eq "work"].value', text],
      ['emails[type eq "home"]', element], ['emails.primary', flag], ['addresses[type eq "work"].locality', text],
      [`${ENTERPRISE}:manager`, fc.oneof(text, fc.record({ value: text }))], [`${ENTERPRISE}:department`, text], [undefined, fc.dictionary(fc.constantFrom('title', 'active', 'name.familyName', `${ENTERPRISE}:manager`), fc.oneof(text, flag))],
    ] as const
  ).map(([path, values]) =>
    fc.record({ op: fc.constantFrom('add', 'Replace', 'remove'), value: values as fc.Arbitrary<unknown> }).map((operation) => (path === undefined ? operation : { ...operation, path })),
  ),
);
const operation = fc.oneof(
  { weight: 6, arbitrary: typedOperation },
  {
    weight: 3,
    arbitrary: fc.record(
      { op: fc.constantFrom('add', 'Add', 'replace', 'Replace', 'remove', 'Remove', 'copy'), path: fc.oneof(fc.constantFrom(...paths), fc.string(), fc.constant(null)), value },
      { requiredKeys: ['op'] },
    ),
  },
  { weight: 1, arbitrary: jsonValue },
);
const body = fc.oneof(
  { weight: 9, arbitrary: fc.record({ schemas: fc.constant(['urn:ietf:params:scim:api:messages:2.0:PatchOp']), Operations: fc.array(operation, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: jsonValue },
);

function expectOnlyTypedErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ScimValidationError)) throw error;
    expect(error.status).toBe(400);
  }
}

describe('applyPatch on arbitrary input', () => {
  const user = storedUser({ name: { givenName: 'B' }, emails: [{ value: 'b@x.com', type: 'work', primary: true }], [ENTERPRISE]: { manager: { value: 'm' } } });

  it('throws nothing but ScimValidationError, and leaves a user that validates as stored', () => {
    fc.assert(
      fc.property(body, (input) => {
        expectOnlyTypedErrors(() => {
          const { resource } = applyPatch('User', user, input, { id: USER_ID });
          expect(jsonEqual(validateResource('User', resource).resource, resource)).toBe(true);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('throws nothing but ScimValidationError for groups', () => {
    fc.assert(
      fc.property(body, (input) => expectOnlyTypedErrors(() => applyPatch('Group', { schemas: [GROUP], displayName: 'g' }, input, { id: GROUP_ID }))),
      { numRuns: 800 },
    );
  });
});
