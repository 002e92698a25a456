import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { AttributeDefinition, COMMON_ATTRIBUTES, getResourceSchema, ResourceTypeName, SCHEMAS_ATTRIBUTE } from '../schema';
import { COMPARISON_OPERATORS } from './filter-ast';
import { compileFilter } from './compile-filter';
import { ScimFilterError } from './scim-filter.error';
import { insertGroup, insertTenant, insertUser, matchingIds } from './test-support/scim-rows';

const VALUES = ['"x"', '"2026-01-01T00:00:00Z"', '"6f1c3c56-9f7a-4d7b-9b3c-0c7a6a1e2b3c"', '"a%_\\\\"', '-1.5', 'true', 'null'];
const OPERATORS = [...COMPARISON_OPERATORS];

/** Every attribute path a client can write for a resource type: plain, sub-attribute and URN-qualified. */
function attributePaths(resourceType: ResourceTypeName): { path: string; attribute: AttributeDefinition }[] {
  const { core, extensions } = getResourceSchema(resourceType);
  const paths: { path: string; attribute: AttributeDefinition }[] = [];
  const add = (prefix: string, attribute: AttributeDefinition) => {
    paths.push({ path: `${prefix}${attribute.name}`, attribute });
    for (const sub of attribute.subAttributes ?? []) paths.push({ path: `${prefix}${attribute.name}.${sub.name}`, attribute: sub });
  };
  for (const attribute of [...COMMON_ATTRIBUTES, SCHEMAS_ATTRIBUTE, ...core.attributes]) add('', attribute);
  // URN-qualified core names resolve like plain ones (covered by the unit tests); extensions need their URN here.
  for (const schema of extensions) for (const attribute of schema.attributes) add(`${schema.id}:`, attribute);
  return paths;
}

/** `attr[sub op value]` and `attr[sub pr].sub op value` for every complex attribute. */
function valuePaths(resourceType: ResourceTypeName): string[] {
  const { core, extensions } = getResourceSchema(resourceType);
  const filters: string[] = [];
  for (const attribute of [...core.attributes, ...extensions.flatMap((schema) => schema.attributes)]) {
    for (const sub of attribute.subAttributes ?? []) {
      for (const value of VALUES) filters.push(`${attribute.name}[${sub.name} eq ${value}]`, `${attribute.name}[${sub.name} pr].${sub.name} ne ${value}`);
    }
  }
  return filters;
}

/**
 * Exhaustive over the schema: whatever attribute, operator and literal a client combines, the result
 * is either a 400 invalidFilter or SQL that Postgres runs against real rows. A SQL error here would
 * be a 500 in production.
 */
describe('compileFilter over the whole schema', () => {
  let db: TestDatabase;
  let client: Client;
  let tenant: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    tenant = await insertTenant(client);
    const user = await insertUser(client, tenant, {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 42],
      userName: 'x',
      title: 7,
      name: { givenName: ['odd'], familyName: 'x' },
      emails: [{ value: 'x', type: 'work', primary: 'maybe' }, 'stray'],
      addresses: { not: 'an array' },
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: 'plain-string', department: null },
    });
    await insertUser(client, tenant, { userName: 'y', name: 'not an object', emails: null, phoneNumbers: [{ value: '+1' }] });
    const group = await insertGroup(client, tenant, { displayName: 'x' }, [{ id: user, type: 'User' }]);
    await insertGroup(client, tenant, { displayName: 'y' }, [{ id: group, type: 'Group' }]);
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function runsOrRejects(resourceType: ResourceTypeName, filter: string): Promise<void> {
    try {
      await matchingIds(client, tenant, resourceType, filter);
    } catch (error) {
      if (!(error instanceof ScimFilterError)) throw new Error(`${filter}: ${(error as Error).message}`);
    }
  }

  /** Evaluates many compiled filters as columns of one statement; on an error, retries one by one to name the culprit. */
  async function runAll(resourceType: ResourceTypeName, filters: string[]): Promise<void> {
    const table = resourceType === 'User' ? 'scim_users' : 'scim_groups';
    const columns: string[] = [];
    const params: unknown[] = [tenant];
    for (const filter of filters) {
      try {
        const compiled = compileFilter(filter, { resourceType, firstParam: params.length + 1 });
        columns.push(`(${compiled.sql})`);
        params.push(...compiled.params);
      } catch (error) {
        if (!(error instanceof ScimFilterError)) throw new Error(`${filter}: ${(error as Error).message}`);
      }
    }
    if (columns.length === 0) return;
    try {
      await client.query(`SELECT ${columns.join(', ')} FROM ${table} WHERE tenant_id = $1 AND deleted_at IS NULL`, params);
    } catch {
      for (const filter of filters) await runsOrRejects(resourceType, filter);
    }
  }

  it.each<ResourceTypeName>(['User', 'Group'])('never produces SQL that fails on %s rows, even malformed ones', async (resourceType) => {
    const filters: string[] = valuePaths(resourceType);
    for (const { path } of attributePaths(resourceType)) {
      filters.push(`${path} pr`, `not (${path} pr)`);
      for (const operator of OPERATORS) for (const value of VALUES) filters.push(`${path} ${operator} ${value}`);
    }
    for (let start = 0; start < filters.length; start += 200) await runAll(resourceType, filters.slice(start, start + 200));
    expect(filters.length).toBeGreaterThan(500);
  });
});
