import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { compileFilter } from './compile-filter';
import { ScimFilterError } from './scim-filter.error';
import { insertGroup, insertTenant, insertUser, matchingIds } from './test-support/scim-rows';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('compileFilter on Postgres', () => {
  let db: TestDatabase;
  let client: Client;
  let tenant: string;
  const ids: Record<string, string> = {};

  const users = async (filter: string) => (await matchingIds(client, tenant, 'User', filter)).map(nameOf).sort();
  const groups = async (filter: string) => (await matchingIds(client, tenant, 'Group', filter)).map(nameOf).sort();
  const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id) ?? id;
  const rejection = (filter: string, resourceType: 'User' | 'Group' = 'User') => {
    try {
      compileFilter(filter, { resourceType });
    } catch (error) {
      expect(error).toBeInstanceOf(ScimFilterError);
      return (error as ScimFilterError).detail;
    }
    throw new Error(`expected ${filter} to be rejected`);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    tenant = await insertTenant(client);
    ids.alice = await insertUser(
      client,
      tenant,
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
        userName: 'Alice',
        externalId: 'ext-A',
        displayName: 'Alice Liddell',
        title: 'Engineer',
        name: { givenName: 'Alice', familyName: 'Liddell' },
        emails: [{ value: 'alice@example.com', type: 'work', primary: true }, { value: 'alice@home.org', type: 'home' }],
        x509Certificates: [{ value: 'TUlJQw==' }],
        [ENTERPRISE]: { department: 'R&D', manager: { value: 'boss-1' } },
      },
      { createdAt: '2026-01-01T00:00:00Z', lastModified: '2026-03-01T10:00:00.250Z' },
    );
    ids.bob = await insertUser(
      client,
      tenant,
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'bob', externalId: 'EXT-A', displayName: 'Bob', active: false, title: '', emails: [{ value: 'Bob@Example.com', type: 'home' }], addresses: [{ type: 'work', locality: 'Paris' }] },
      { createdAt: '2026-02-01T00:00:00Z', lastModified: '2026-02-01T00:00:00Z' },
    );
    ids.carol = await insertUser(
      client,
      tenant,
      { userName: 'carol_100%', title: null, name: { givenName: null } },
      { createdAt: '2026-02-01T00:00:00Z', lastModified: '2026-03-01T10:00:00.2Z' },
    );
    ids.admins = await insertGroup(client, tenant, { displayName: 'Admins', externalId: 'g-1' }, [{ id: ids.alice, type: 'User' }]);
    ids.empty = await insertGroup(client, tenant, { displayName: 'Empty' });
    const otherTenant = await insertTenant(client);
    await insertUser(client, otherTenant, { userName: 'Alice', externalId: 'ext-A' });
  });

  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('matches userName, displayName and Group displayName case-insensitively (caseExact false)', async () => {
    expect(await users('userName eq "ALICE"')).toEqual(['alice']);
    expect(await users('displayName eq "alice liddell"')).toEqual(['alice']);
    expect(await groups('displayName eq "admins"')).toEqual(['admins']);
  });

  it('matches externalId exactly (caseExact true)', async () => {
    expect(await users('externalId eq "ext-A"')).toEqual(['alice']);
    expect(await groups('externalId eq "G-1"')).toEqual([]);
  });

  it('finds users by email in the three forms IdPs send, ignoring case', async () => {
    expect(await users('emails.value eq "ALICE@example.com"')).toEqual(['alice']);
    expect(await users('emails eq "bob@example.com"')).toEqual(['bob']);
    expect(await users('emails[type eq "work"].value eq "Alice@Example.com"')).toEqual(['alice']);
    expect(await users('emails[type eq "work"].value eq "alice@home.org"')).toEqual([]);
    expect(await users('emails[type eq "work" and value co "@example.com"]')).toEqual(['alice']);
  });

  it('treats LIKE wildcards in co, sw and ew literally', async () => {
    expect(await users('userName co "_100%"')).toEqual(['carol']);
    expect(await users('userName co "%"')).toEqual(['carol']);
    expect(await users('userName sw "A"')).toEqual(['alice']);
    expect(await users('userName ew "OB"')).toEqual(['bob']);
  });

  it('compares strings lexically, dateTimes as instants and booleans by value', async () => {
    expect(await users('userName gt "b"')).toEqual(['bob', 'carol']);
    expect(await users('userName le "bob"')).toEqual(['alice', 'bob']);
    expect(await users('meta.lastModified gt "2026-03-01T10:00:00.2Z"')).toEqual(['alice']);
    expect(await users('meta.created lt "2026-01-15T00:00:00+01:00"')).toEqual(['alice']);
    expect(await users('active eq false')).toEqual(['bob']);
    expect(await users('active eq "True"')).toEqual(['alice', 'carol']);
  });

  it('matches ids as uuids, and a value that is not a uuid matches nothing', async () => {
    expect(await users(`id eq "${ids.bob.toUpperCase()}"`)).toEqual(['bob']);
    expect(await users('id eq "not-a-uuid"')).toEqual([]);
    expect(await users('id ne "not-a-uuid"')).toEqual(['alice', 'bob', 'carol']);
  });

  it('reads pr as present and non-empty, for simple, complex and multi-valued attributes', async () => {
    expect(await users('title pr')).toEqual(['alice']);
    expect(await users('name pr')).toEqual(['alice']);
    expect(await users('emails pr')).toEqual(['alice', 'bob']);
    expect(await users('not (title pr)')).toEqual(['bob', 'carol']);
    expect(await users('title eq null')).toEqual(['bob', 'carol']);
  });

  it('applies and before or, parentheses and not', async () => {
    expect(await users('userName eq "bob" or userName eq "carol_100%" and active eq false')).toEqual(['bob']);
    expect(await users('(userName eq "bob" or userName eq "carol_100%") and active eq true')).toEqual(['carol']);
    expect(await users('not (title eq "Engineer")')).toEqual(['bob', 'carol']);
    expect(await users('title ne "Engineer"')).toEqual(['bob']);
  });

  it('reaches enterprise and sub-attributes, URN-qualified or not, including manager eq "<id>" (Entra)', async () => {
    expect(await users(`${ENTERPRISE}:department eq "r&d"`)).toEqual(['alice']);
    expect(await users(`${ENTERPRISE.toUpperCase()}:MANAGER.VALUE eq "boss-1"`)).toEqual(['alice']);
    expect(await users('manager eq "boss-1"')).toEqual(['alice']);
    expect(await users('urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq "liddell"')).toEqual(['alice']);
    expect(await users('name[givenName eq "alice"]')).toEqual(['alice']);
    expect(await users('addresses[type eq "work"].locality eq "paris"')).toEqual(['bob']);
  });

  it('filters by schema URN, case-insensitively (RFC 7644 §3.4.2.2 "query by schema")', async () => {
    expect(await users(`schemas eq "${ENTERPRISE}"`)).toEqual(['alice']);
    expect(await users('SCHEMAS eq "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER"')).toEqual(['alice', 'bob']);
    expect(await users('not (schemas pr)')).toEqual(['carol']);
  });

  it('filters memberships through scim_group_members', async () => {
    expect(await groups(`members.value eq "${ids.alice}"`)).toEqual(['admins']);
    expect(await groups(`members[value eq "${ids.alice}" and type eq "user"]`)).toEqual(['admins']);
    expect(await groups('members pr')).toEqual(['admins']);
    expect(await groups('not (members pr)')).toEqual(['empty']);
    expect(await users(`groups.value eq "${ids.admins}"`)).toEqual(['alice']);
    expect(await users('groups[display eq "ADMINS" and type eq "direct"]')).toEqual(['alice']);
  });

  it('treats attributes the schema does not define as unassigned: no match, and not (...) matches', async () => {
    expect(await users('nickname2 eq "x"')).toEqual([]);
    expect(await users('name.middle pr')).toEqual([]);
    expect(await users('emails[kind eq "work"]')).toEqual([]);
    expect(await users('urn:example:params:Thing:x eq 1')).toEqual([]);
    expect(await users('not (nickname2 eq "x")')).toEqual(['alice', 'bob', 'carol']);
    expect(await groups('userName eq "Alice"')).toEqual([]);
  });

  it('binds every value as a parameter', async () => {
    expect(await users(`userName eq "x' OR 1=1 --" or title eq "'); DROP TABLE scim_users; --"`)).toEqual([]);
    const compiled = compileFilter('userName eq "a" and externalId eq "b"', { resourceType: 'User', firstParam: 4, tableAlias: 'u' });
    expect(compiled).toEqual({ sql: '(lower(u.user_name) = lower($4) AND u.external_id = $5)', params: ['a', 'b'] });
  });

  it('refuses table aliases that are not plain identifiers or would shadow generated subquery aliases', () => {
    expect(() => compileFilter('title pr', { resourceType: 'User', tableAlias: 'u; DROP TABLE x' })).toThrow('Invalid table alias');
    expect(() => compileFilter('title pr', { resourceType: 'User', tableAlias: 'scim_1' })).toThrow('would shadow');
  });

  it.each([
    ['active eq "yes"', 'active (position 1) is a boolean attribute; "yes" is not true or false'],
    ['active gt true', 'only eq, ne and pr apply, not gt'],
    ['x509Certificates.value lt "a"', 'binary attribute: lt does not apply'],
    ['meta.lastModified gt "yesterday"', 'is not an xsd:dateTime'],
    ['meta.lastModified gt "2026-02-30T00:00:00Z"', 'is not a valid date and time'],
    ['meta.created co "2026"', 'co applies to strings only'],
    ['userName eq 42', 'is not a string'],
    ['name eq "x"', 'name is complex: name one of its sub-attributes'],
    ['meta.location eq "x"', 'meta.location is not filterable'],
    ['userName gt null', 'only eq and ne accept null'],
    ['title[value eq "x"]', 'a value filter needs a complex attribute'],
  ])('rejects %j with invalidFilter', (filter, detail) => {
    expect(rejection(filter)).toContain(detail);
  });

  it('rejects member attributes that are not stored', () => {
    expect(rejection('members.display eq "x"', 'Group')).toContain('members.display is not filterable');
  });
});
