import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { insertTenant, insertUser } from '../filter/test-support/scim-rows';
import { compileSort, CompileSortOptions, SortPlan } from './compile-sort';
import { keysetPredicate } from './keyset-predicate';
import { ScimSortError } from './scim-sort.error';

describe('compileSort on Postgres', () => {
  let db: TestDatabase;
  let client: Client;
  let tenant: string;
  const names = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    tenant = await insertTenant(client);
    const people = [
      { userName: 'bob', title: 'b', name: { familyName: 'Zed' }, emails: [{ value: 'z@x.org' }, { value: 'a@x.org', primary: true }] },
      { userName: 'Alice', title: 'C', name: { familyName: 'young' }, emails: [{ value: 'm@x.org' }] },
      { userName: 'carol', name: { familyName: 'Adams' } },
      { userName: 'dave', title: 'a' },
      { userName: 'Eve', title: 'a' },
    ];
    for (const [index, person] of people.entries()) {
      const created = `2026-01-0${index + 1}T00:00:00.123456Z`;
      names.set(await insertUser(client, tenant, person, { createdAt: created, lastModified: created }), person.userName);
    }
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function ordered(options: Omit<CompileSortOptions, 'resourceType'>): Promise<string[]> {
    const plan = compileSort({ resourceType: 'User', ...options });
    const { rows } = await client.query(`SELECT id FROM scim_users WHERE tenant_id = $1 ORDER BY ${plan.orderBy}`, [tenant]);
    return rows.map((row) => names.get(row.id)!);
  }

  /** Walks the list two rows at a time with keyset predicates, as cursor pagination does. */
  async function pagedByKeyset(plan: SortPlan): Promise<string[]> {
    const seen: string[] = [];
    let after: { value: string | null; id: string } | undefined;
    for (;;) {
      const predicate = after ? keysetPredicate(plan, after, 2) : { sql: 'TRUE', params: [] };
      const { rows } = await client.query(
        `SELECT id, ${plan.cursorValueSql} AS key FROM scim_users WHERE tenant_id = $1 AND ${predicate.sql} ORDER BY ${plan.orderBy} LIMIT 2`,
        [tenant, ...predicate.params],
      );
      if (rows.length === 0) return seen;
      seen.push(...rows.map((row) => names.get(row.id)!));
      after = { value: rows[rows.length - 1].key, id: rows[rows.length - 1].id };
    }
  }

  it('sorts caseExact false attributes case-insensitively', async () => {
    expect(await ordered({ sortBy: 'userName' })).toEqual(['Alice', 'bob', 'carol', 'dave', 'Eve']);
    expect(await ordered({ sortBy: 'USERNAME', sortOrder: 'Descending' })).toEqual(['Eve', 'dave', 'carol', 'bob', 'Alice']);
  });

  it('puts resources without a value last ascending and first descending, ties broken by id', async () => {
    const ascending = await ordered({ sortBy: 'title' });
    expect(ascending.slice(0, 2).sort()).toEqual(['Eve', 'dave']);
    expect(ascending.slice(2)).toEqual(['bob', 'Alice', 'carol']);
    expect((await ordered({ sortBy: 'title', sortOrder: 'descending' }))[0]).toBe('carol');
  });

  it('sorts by sub-attributes and by the primary value of multi-valued attributes', async () => {
    expect((await ordered({ sortBy: 'name.familyName' })).slice(0, 3)).toEqual(['carol', 'Alice', 'bob']);
    expect((await ordered({ sortBy: 'emails' })).slice(0, 2)).toEqual(['bob', 'Alice']);
    expect((await ordered({ sortBy: 'emails.value' })).slice(0, 2)).toEqual(['bob', 'Alice']);
  });

  it('defaults to creation order, also for attributes the schema does not define', async () => {
    const creation = ['bob', 'Alice', 'carol', 'dave', 'Eve'];
    expect(await ordered({})).toEqual(creation);
    expect(await ordered({ sortBy: 'nickname2' })).toEqual(creation);
    expect(await ordered({ sortOrder: 'descending' })).toEqual([...creation].reverse());
  });

  it.each([
    [{ sortBy: 'userName' }],
    [{ sortBy: 'title' }],
    [{ sortBy: 'title', sortOrder: 'descending' }],
    [{ sortBy: 'emails' }],
    [{}],
    [{ sortBy: 'meta.lastModified', sortOrder: 'descending' }],
  ])('pages with keyset predicates in exactly the full order for %j', async (options) => {
    const plan = compileSort({ resourceType: 'User', ...options });
    expect(await pagedByKeyset(plan)).toEqual(await ordered(options));
  });

  it.each([
    [{ sortBy: 'name' }, 'sortBy name is complex'],
    [{ sortBy: 'meta.version' }, 'not supported'],
    [{ sortBy: 'groups.display' }, 'not supported'],
    [{ sortBy: 'emails[type eq "work"].value' }, 'is not an attribute path'],
    [{ sortBy: 'userName', sortOrder: 'up' }, 'sortOrder must be "ascending" or "descending"'],
  ])('rejects %j with invalidValue', (options, detail) => {
    expect(() => compileSort({ resourceType: 'User', ...options })).toThrow(ScimSortError);
    expect(() => compileSort({ resourceType: 'User', ...options })).toThrow(detail);
  });
});
