import fc from 'fast-check';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { compileFilter } from './compile-filter';
import { parseFilter, parsePatchPath } from './parse-filter';
import { ScimFilterError, ScimPathError } from './scim-filter.error';
import { filterArbitrary, GeneratedUser, renderFilter, usersArbitrary } from './test-support/filter-arbitraries';
import { evaluate } from './test-support/reference-evaluator';
import { insertTenant, insertUser, matchingIds } from './test-support/scim-rows';

/** Fragments that make random input look like filters often enough to reach deep parser states. */
const FILTER_PIECES = ['userName', 'emails', '[', ']', '(', ')', '.', 'value', ' eq ', ' pr', ' and ', ' or ', 'not ', '"a\\"b"', '"', '\\', '12', '-1e5', 'true', 'null', 'urn:x:', ' '];
const filterLikeText = fc.array(fc.constantFrom(...FILTER_PIECES), { maxLength: 12 }).map((pieces) => pieces.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), filterLikeText);

function failsOnlyWith(errorType: typeof ScimFilterError | typeof ScimPathError, action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof errorType)) throw error;
  }
}

describe('filter properties', () => {
  it('parse and compile arbitrary text or fail with ScimFilterError only', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        failsOnlyWith(ScimFilterError, () => parseFilter(text));
        failsOnlyWith(ScimFilterError, () => compileFilter(text, { resourceType: 'User' }));
        failsOnlyWith(ScimFilterError, () => compileFilter(text, { resourceType: 'Group' }));
      }),
      { numRuns: 2000 },
    );
  });

  it('parse arbitrary PATCH paths or fail with ScimPathError only', () => {
    fc.assert(fc.property(anyText, (text) => failsOnlyWith(ScimPathError, () => parsePatchPath(text))), { numRuns: 1000 });
  });

  it('parse what they render back to the same filter', () => {
    fc.assert(
      fc.property(filterArbitrary, (filter) => {
        const mixedCase = renderFilter(filter, 'alternating');
        expect(renderFilter(parseFilter(mixedCase))).toBe(renderFilter(filter));
      }),
      { numRuns: 300 },
    );
  });

  describe('on Postgres', () => {
    let db: TestDatabase;
    let client: Client;

    beforeAll(async () => {
      db = await createTestDatabase();
      client = new Client({ connectionString: db.url });
      await client.connect();
    });

    afterAll(async () => {
      await client.end();
      await db.drop();
    });

    it('select exactly the users the reference evaluation selects', async () => {
      await fc.assert(
        fc.asyncProperty(usersArbitrary, fc.array(filterArbitrary, { minLength: 1, maxLength: 8 }), async (users, filters) => {
          const tenant = await insertTenant(client);
          const idToIndex = new Map<string, number>();
          for (const [index, user] of users.entries()) {
            const { created, lastModified, ...resource } = user;
            idToIndex.set(await insertUser(client, tenant, resource, { createdAt: created, lastModified }), index);
          }
          for (const filter of filters) {
            const text = renderFilter(filter, 'alternating');
            const fromSql = (await matchingIds(client, tenant, 'User', text)).map((id) => idToIndex.get(id)!).sort();
            const expected = users.flatMap((user: GeneratedUser, index) => (evaluate(filter, user) ? [index] : []));
            expect({ filter: text, matches: fromSql }).toEqual({ filter: text, matches: expected });
          }
        }),
        { numRuns: 40 },
      );
    });
  });
});
