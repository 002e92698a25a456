import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { ENTERPRISE, GROUP_SCHEMA, LIST_RESPONSE, patchOp, scim, USER_SCHEMA } from './scim-test-client';

describe('SCIM ETags and discovery', () => {
  let t: TestApp;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });
  afterAll(() => t.close());

  it('answers 304 to If-None-Match with the current version and 412 to a stale If-Match on PUT, PATCH and DELETE', async () => {
    const client = scim(t, tenant);
    const user = (await client.post('/Users', buildScimUser()).expect(201)).body;
    await client.get(`/Users/${user.id}`).set('If-None-Match', user.meta.version).expect(304);
    await client.get(`/Users/${user.id}`).set('If-None-Match', 'W/"99"').expect(200);
    const patched = await client.patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'a' })).set('If-Match', user.meta.version).expect(200);
    expect(patched.headers.etag).toBe('W/"2"');
    const stale = await client.patch(`/Users/${user.id}`, patchOp({ op: 'replace', path: 'title', value: 'b' })).set('If-Match', user.meta.version).expect(412);
    expect(stale.body).toMatchObject({ status: '412' });
    await client.put(`/Users/${user.id}`, buildScimUser({ userName: user.userName })).set('If-Match', 'W/"1"').expect(412);
    await client.delete(`/Users/${user.id}`).set('If-Match', 'W/"1"').expect(412);
    await client.delete(`/Users/${user.id}`).set('If-Match', '"2"').expect(204);
    const group = (await client.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'etag-group' }).expect(201)).body;
    await client.patch(`/Groups/${group.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'etag-2' })).set('If-Match', 'W/"7"').expect(412);
    await client.get(`/Groups/${group.id}`).set('If-None-Match', 'W/"1"').expect(304);
  });

  it('serves /ServiceProviderConfig with what works, and no nulls', async () => {
    const res = await scim(t, tenant).get('/ServiceProviderConfig').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: true },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: true },
      sort: { supported: true },
      etag: { supported: true },
      pagination: { cursor: true, index: true },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken', name: expect.any(String), description: expect.any(String) })],
    });
    expect(JSON.stringify(res.body)).not.toContain('null');
  });

  it('serves /ResourceTypes and /Schemas as ListResponses and single resources, on both bases', async () => {
    const types = await scim(t, tenant).get('/ResourceTypes').expect(200);
    expect(types.body).toMatchObject({ schemas: [LIST_RESPONSE], totalResults: 2 });
    expect(types.body.Resources.find((r: { id: string }) => r.id === 'User')).toMatchObject({
      endpoint: '/Users',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    });
    await scim(t, tenant).get('/ResourceTypes/Group').expect(200);
    await scim(t, tenant).get('/ResourceTypes/Nope').expect(404);
    const schemas = await scim(t, tenant).get('/Schemas').expect(200);
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER_SCHEMA, ENTERPRISE, GROUP_SCHEMA]);
    expect(JSON.stringify(schemas.body)).not.toContain('null');
    const user = await t.http.get(`/scim/Schemas/${USER_SCHEMA}`).set({ Authorization: `Bearer ${tenant.token}` }).expect(200);
    expect(user.body.attributes.find((a: { name: string }) => a.name === 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    // RFC 7643 §3.1 lets core schemas list common attributes; Entra's validation needs externalId there.
    expect(user.body.attributes.find((a: { name: string }) => a.name === 'externalId')).toMatchObject({ type: 'string', caseExact: true, mutability: 'readWrite' });
    expect(user.body.attributes.some((a: { name: string }) => a.name === 'id' || a.name === 'meta')).toBe(false);
    expect(user.body.meta).toEqual({ resourceType: 'Schema', location: expect.stringMatching(`/scim/v2/Schemas/${USER_SCHEMA}$`) });
  });

  it('answers 403 to a filter on discovery endpoints', async () => {
    for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas']) {
      const res = await scim(t, tenant).get(`${path}?filter=${encodeURIComponent('id eq "x"')}`).expect(403);
      expect(res.body.status).toBe('403');
    }
  });

  it('answers 501 on /Me (RFC 7644 §3.11: tokens here identify an IdP connection, not a user) and 401 without a token', async () => {
    for (const res of [await scim(t, tenant).get('/Me'), await scim(t, tenant).post('/Me', {}), await scim(t, tenant).patch('/Me', {})]) {
      expect(res.status).toBe(501);
      expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '501', detail: expect.any(String) });
    }
    await t.http.get('/scim/Me').expect(401);
  });
});
