import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, scim, USER_SCHEMA } from './scim-test-client';

/** RFC 7644 §3.4.2.2 over HTTP against Postgres; filter.property.spec.ts checks the SQL against a reference evaluator. */
describe('SCIM filtering over HTTP', () => {
  let t: TestApp;
  let tenant: TestTenant;
  const ids: Record<string, string> = {};
  let adaCreated = '';
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    const people: Array<[string, Record<string, unknown>]> = [
      ['ada', { userName: 'ada@example.com', externalId: 'EXT-ada', title: 'Engineer', active: true, name: { familyName: 'Lovelace', givenName: 'Ada' }, emails: [{ value: 'ada@example.com', type: 'work' }, { value: 'ada@home.net', type: 'home' }], [ENTERPRISE]: { department: 'R&D' } }],
      ['bob', { userName: 'bob@example.org', externalId: 'ext-bob', title: 'Manager', active: false, name: { familyName: 'Bobson', givenName: 'Bob' }, emails: [{ value: 'bob@example.org', type: 'work' }], [ENTERPRISE]: { department: 'Sales' } }],
    ];
    for (const [key, body] of people) {
      const created = (await scim(t, tenant).post('/Users', buildScimUser(body)).expect(201)).body;
      ids[key] = created.id;
      if (key === 'ada') adaCreated = created.meta.created;
      // Not a timed assertion: the next user must only be created in a later millisecond.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    ids.cyd = (await scim(t, tenant).post('/Users', { schemas: [USER_SCHEMA], userName: 'cyd@example.com' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const matches = async (filter: string, endpoint = '/Users'): Promise<string[]> => {
    const res = await scim(t, tenant).get(`${endpoint}?filter=${encodeURIComponent(filter)}`).expect(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return res.body.Resources.map((r: { id: string }) => byId[r.id] ?? r.id).sort();
  };

  it.each([
    ['userName eq "ADA@example.com"', ['ada']],
    ['userName ne "ada@example.com"', ['bob', 'cyd']],
    ['userName co "EXAMPLE.COM"', ['ada', 'cyd']],
    ['userName sw "b"', ['bob']],
    ['userName ew ".org"', ['bob']],
    ['userName gt "b"', ['bob', 'cyd']],
    ['userName ge "bob@example.org"', ['bob', 'cyd']],
    ['userName lt "b"', ['ada']],
    ['userName le "bob@example.org"', ['ada', 'bob']],
    ['title pr', ['ada', 'bob']],
    ['externalId eq "ext-ada"', []],
    ['externalId eq "EXT-ada"', ['ada']],
    ['name.familyName eq "lovelace"', ['ada']],
    ['emails.value eq "ada@home.net"', ['ada']],
    ['emails[type eq "work" and value co "@example.com"]', ['ada']],
    ['emails[type eq "home" and value co "@example.com"]', []],
    ['emails[type eq "work"].value eq "bob@example.org"', ['bob']],
    [`${ENTERPRISE}:department eq "r&d"`, ['ada']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "cyd"', ['cyd']],
    ['active eq false', ['bob']],
    ['active eq "True"', ['ada', 'cyd']],
    ['USERNAME Eq "cyd@example.com" OR title EQ "Manager"', ['bob', 'cyd']],
    ['userName sw "a" or userName sw "b" and active eq true', ['ada']],
    ['(userName sw "a" or userName sw "b") and active eq false', ['bob']],
    ['not (title pr)', ['cyd']],
    ['not (userName eq "ada@example.com") and not (active eq false)', ['cyd']],
    ['foo eq "x"', []],
    ['not (foo eq "x")', ['ada', 'bob', 'cyd']],
  ])('%s', async (filter, expected) => {
    expect(await matches(filter)).toEqual(expected);
  });

  it('compares meta.created and meta.lastModified as instants, at the precision they are served with', async () => {
    expect(await matches(`meta.created eq "${adaCreated}"`)).toEqual(['ada']);
    expect(await matches(`meta.created le "${adaCreated}"`)).toEqual(['ada']);
    expect(await matches(`meta.lastModified gt "${adaCreated}"`)).toEqual(['bob', 'cyd']);
    const offset = adaCreated.replace(/Z$/, '+00:00');
    expect(await matches(`meta.lastModified ge "${offset}" and meta.lastModified le "2999-01-01T00:00:00Z"`)).toEqual(['ada', 'bob', 'cyd']);
  });

  it('filters groups by displayName (case-insensitive) and by member', async () => {
    const displayName = uniqueName('Filter Group');
    const group = (await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: ids.ada }] }).expect(201)).body;
    ids.group = group.id;
    expect(await matches(`displayName eq "${displayName.toUpperCase()}"`, '/Groups')).toEqual(['group']);
    expect(await matches(`members[value eq "${ids.ada}"]`, '/Groups')).toEqual(['group']);
    expect(await matches(`members.value eq "${ids.bob}"`, '/Groups')).toEqual([]);
    expect(await matches(`groups.value eq "${group.id}"`)).toEqual(['ada']);
  });

  it.each([
    ['userName eq', /position 12/],
    ['active eq "yes"', /active/],
    ['active gt true', /active/],
    ['meta.lastModified gt "yesterday"', /xsd:dateTime/],
    ['userName eq 42', /string/],
    ['emails[type eq "work"', /position/],
    ['title eq unquoted', /position 10/],
  ])('rejects %s with 400 invalidFilter and a pointed detail', async (filter, detail) => {
    const res = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(filter)}`).expect(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'invalidFilter', detail: expect.stringMatching(detail) });
  });
});
