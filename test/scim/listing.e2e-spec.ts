import { buildScimUser, createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { GROUP_SCHEMA, LIST_RESPONSE, scim } from './scim-test-client';

const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

describe('SCIM listing: paging, sorting, projection, .search', () => {
  let t: TestApp;
  let tenant: TestTenant;
  const userNames: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ SCIM_MAX_PAGE_SIZE: '7' });
    tenant = await createTenant(t);
    for (let i = 0; i < 12; i++) {
      const userName = `page-${String(i).padStart(2, '0')}-${uniqueName('u')}@example.com`;
      userNames.push(userName);
      await scim(t, tenant).post('/Users', buildScimUser({ userName, title: i % 2 ? 'odd' : 'even' })).expect(201);
    }
    await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'page-group' }).expect(201);
  });
  afterAll(() => t.close());

  const names = (res: { body: { Resources: Array<{ userName: string }> } }) => res.body.Resources.map((r) => r.userName);

  it('pages by startIndex/count in a stable order, echoing startIndex (Entra pagination test)', async () => {
    const seen: string[] = [];
    for (const startIndex of [1, 6, 11]) {
      const res = await scim(t, tenant).get(`/Users?startIndex=${startIndex}&count=5`).expect(200);
      expect(res.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 12, startIndex });
      expect(res.body.itemsPerPage).toBe(res.body.Resources.length);
      seen.push(...names(res));
    }
    expect(seen).toEqual(userNames);
  });

  it('reads startIndex < 1 as 1, negative count as 0, count=0 as totalResults only, and caps count at the maximum', async () => {
    expect((await scim(t, tenant).get('/Users?startIndex=0&count=2').expect(200)).body.startIndex).toBe(1);
    expect((await scim(t, tenant).get('/Users?count=-3').expect(200)).body).toEqual({ schemas: [LIST_RESPONSE], totalResults: 12, itemsPerPage: 0, startIndex: 1, Resources: [] });
    expect((await scim(t, tenant).get('/Users?count=0').expect(200)).body.totalResults).toBe(12);
    expect((await scim(t, tenant).get('/Users?count=500').expect(200)).body.itemsPerPage).toBe(7);
    expect((await scim(t, tenant).get('/Users?startIndex=100').expect(200)).body).toMatchObject({ totalResults: 12, itemsPerPage: 0, Resources: [] });
    expect((await scim(t, tenant).get('/Users?count=abc').expect(400)).body.scimType).toBe('invalidValue');
  });

  it('pages with cursors (RFC 9865): nextCursor until the last page, invalid cursors are 400 invalidCursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const res = await scim(t, tenant).get(`/Users?count=5&cursor=${encodeURIComponent(cursor)}`).expect(200);
      expect(res.body.startIndex).toBeUndefined();
      seen.push(...names(res));
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual(userNames);
    const bad = await scim(t, tenant).get('/Users?cursor=not-a-cursor').expect(400);
    expect(bad.body.scimType).toBe('invalidCursor');
    const first = await scim(t, tenant).get('/Users?count=2&cursor=').expect(200);
    const reused = await scim(t, tenant).get(`/Users?count=2&sortBy=title&cursor=${first.body.nextCursor}`).expect(400);
    expect(reused.body.scimType).toBe('invalidCursor');
  });

  it('sorts by any attribute, ascending or descending', async () => {
    const res = await scim(t, tenant).get('/Users?sortBy=userName&sortOrder=descending&count=3').expect(200);
    expect(names(res)).toEqual([...userNames].reverse().slice(0, 3));
    const titles = await scim(t, tenant).get('/Users?sortBy=title&count=7&attributes=title').expect(200);
    expect(titles.body.Resources.map((r: { title: string }) => r.title)).toEqual(['even', 'even', 'even', 'even', 'even', 'even', 'odd']);
  });

  it('projects with attributes and excludedAttributes: id always, password never', async () => {
    const res = await scim(t, tenant).get(`/Users?filter=userName+eq+"${userNames[0]}"&attributes=userName,name.givenName,password`).expect(200);
    expect(res.body.Resources[0]).toEqual({ schemas: expect.any(Array), id: expect.any(String), userName: userNames[0], name: { givenName: 'Barbara' } });
    const excluded = await scim(t, tenant).get(`/Users/${res.body.Resources[0].id}?excludedAttributes=emails,name,id`).expect(200);
    expect(excluded.body.id).toBeDefined();
    expect(excluded.body.emails).toBeUndefined();
    expect(excluded.body.name).toBeUndefined();
  });

  it('searches with POST /Users/.search and POST /.search over Users and Groups', async () => {
    const users = await scim(t, tenant)
      .post('/Users/.search', { schemas: [SEARCH_REQUEST], filter: 'title eq "odd"', attributes: ['userName'], startIndex: 1, count: 2 })
      .expect(200);
    expect(users.body).toMatchObject({ totalResults: 6, itemsPerPage: 2, startIndex: 1 });
    const root = await scim(t, tenant)
      .post('/.search', { schemas: [SEARCH_REQUEST], filter: `userName sw "page-00" or displayName eq "page-group"`, count: 10 })
      .expect(200);
    expect(root.body.totalResults).toBe(2);
    expect(root.body.Resources.map((r: { meta: { resourceType: string } }) => r.meta.resourceType)).toEqual(['User', 'Group']);
    const second = await scim(t, tenant)
      .post('/.search', { schemas: [SEARCH_REQUEST], filter: `userName sw "page-00" or displayName eq "page-group"`, startIndex: 2, count: 10 })
      .expect(200);
    expect(second.body.Resources.map((r: { meta: { resourceType: string } }) => r.meta.resourceType)).toEqual(['Group']);
    await scim(t, tenant).post('/Groups/.search', { schemas: [SEARCH_REQUEST], filter: 'displayName eq "page-group"' }).expect(200);
  });

  it('answers 400 invalidFilter with a pointed detail and 400 for a bad sortOrder', async () => {
    const res = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent('userName eq "a" and')}`).expect(400);
    expect(res.body).toMatchObject({ status: '400', scimType: 'invalidFilter', detail: expect.stringMatching(/position/) });
    await scim(t, tenant).get('/Users?sortOrder=sideways').expect(400);
  });
});
