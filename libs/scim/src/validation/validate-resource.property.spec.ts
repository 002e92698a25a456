import fc from 'fast-check';
import { jsonEqual } from '../resource-model/json-value';
import { ScimValidationError } from '../resource-model/scim-validation-error';
import { validateReplacement } from './validate-replacement';
import { validateResource } from './validate-resource';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const keys = ['userName', 'USERNAME', 'active', 'name', 'name.givenName', 'emails', 'addresses', 'password', 'id', 'meta', 'groups', 'members', 'displayName', 'x509Certificates', ENTERPRISE, `${ENTERPRISE}:manager`, 'unknown'];
const leaf = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.constant(null), fc.constantFrom('True', 'false', '', 'a@b.c'));
const element = fc.dictionary(fc.constantFrom('value', 'type', 'primary', 'display', 'givenName', 'manager', '$ref'), leaf, { maxKeys: 4 });
const attributeValue = fc.oneof(leaf, element, fc.array(fc.oneof(element, leaf), { maxLength: 3 }));
const body = (core: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...keys), attributeValue).map((attrs) => ({ schemas: [core], userName: 'u', displayName: 'g', ...attrs })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );

function onlyTypedErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ScimValidationError)) throw error;
  }
}

describe('validation on arbitrary bodies', () => {
  it('throws only ScimValidationError, and its output validates to itself', () => {
    fc.assert(
      fc.property(body(USER), (input) =>
        onlyTypedErrors(() => {
          const { resource } = validateResource('User', input);
          expect(jsonEqual(validateResource('User', resource).resource, resource)).toBe(true);
          validateReplacement('User', input, resource);
        }),
      ),
      { numRuns: 1000 },
    );
  });

  it('throws only ScimValidationError for groups', () => {
    fc.assert(fc.property(body(GROUP), (input) => onlyTypedErrors(() => validateResource('Group', input))), { numRuns: 500 });
  });
});
