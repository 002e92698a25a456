import { EXAMPLE_RESOURCE_ID, listSchemas } from '@provisio/scim';
import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { GROUP_SCHEMA, scim } from '../scim/scim-test-client';

interface Media {
  schema?: { $ref?: string };
  examples?: Record<string, { value: unknown }>;
  example?: unknown;
}
interface Operation {
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ name: string; in: string; description?: string; example?: unknown; examples?: unknown; schema?: { example?: unknown; default?: unknown } }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
}
type Doc = {
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }>; securitySchemes: Record<string, { bearerFormat?: string }> };
};

const LIST_PARAMETERS = ['filter', 'startIndex', 'count', 'attributes', 'excludedAttributes', 'sortBy', 'sortOrder', 'cursor'];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The OpenAPI document is complete enough to drive every SCIM operation from the sandbox. */
describe('SCIM in the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  let scimOperations: Array<[string, string, Operation]>;
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/doc/scim_rest-json').expect(200)).body;
    scimOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/scim/'))
      .flatMap(([path, item]) => Object.entries(item).map(([method, operation]): [string, string, Operation] => [path, method, operation]));
  });
  afterAll(() => t.close());

  it('lists each SCIM route once, under /scim/v2, with real HTTP methods only', () => {
    expect(scimOperations.length).toBeGreaterThan(20);
    for (const [path, method] of scimOperations) {
      expect({ path, method, canonical: path.startsWith('/scim/v2/') }).toEqual({ path, method, canonical: true });
      expect(HTTP_METHODS).toContain(method);
    }
    expect(Object.keys(doc.paths).filter((path) => path.includes('{path}'))).toEqual([]);
  });

  it('puts SCIM first: the SCIM tags lead and SCIM paths come before the admin API', () => {
    expect(doc.tags.slice(0, 5).map((tag) => tag.name)).toEqual(['SCIM Users', 'SCIM Groups', 'SCIM search', 'SCIM Bulk', 'SCIM discovery']);
    expect(Object.keys(doc.paths)[0]).toBe('/scim/v2/Users');
  });

  it('documents /Me as the 501 it answers, once per method', async () => {
    const me = doc.paths['/scim/v2/Me'];
    expect(Object.keys(me).sort()).toEqual(['delete', 'get', 'patch', 'post', 'put']);
    for (const operation of Object.values(me)) expect(Object.keys(operation.responses)).toContain('501');
    const tenant = await createTenant(t);
    const res = await t.http.get('/scim/v2/Me').set('Authorization', `Bearer ${tenant.token}`).expect(501);
    expect(res.body.status).toBe('501');
  });

  it('gives every SCIM operation a summary, the SCIM bearer scheme and a 401 with the SCIM Error schema', () => {
    for (const [path, method, operation] of scimOperations) {
      const where = `${method} ${path}`;
      expect({ where, summary: Boolean(operation.summary), security: operation.security }).toEqual({ where, summary: true, security: [{ 'scim-token': [] }] });
      expect({ where, error: operation.responses['401']?.content?.['application/scim+json']?.schema }).toEqual({ where, error: { $ref: '#/components/schemas/Error' } });
    }
  });

  it('documents every error status with the Error schema and an example, scimType on 400 and 409', () => {
    for (const [path, method, operation] of scimOperations) {
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        const media = response.content?.['application/scim+json'];
        const where = `${method} ${path} ${status}`;
        expect({ where, schema: media?.schema }).toEqual({ where, schema: { $ref: '#/components/schemas/Error' } });
        const examples = Object.values(media?.examples ?? (media?.example ? { one: { value: media.example } } : {})).map((e) => e.value as Record<string, unknown>);
        expect({ where, examples: examples.length > 0 }).toEqual({ where, examples: true });
        for (const example of examples) {
          expect(example.status).toBe(status);
          if (status === '400' || status === '409') expect({ where, scimType: typeof example.scimType }).toEqual({ where, scimType: 'string' });
        }
      }
    }
    const create = doc.paths['/scim/v2/Users'].post.responses;
    expect(Object.keys(create)).toEqual(expect.arrayContaining(['201', '400', '401', '409', '413', '415']));
    const replace = doc.paths['/scim/v2/Users/{id}'].put.responses;
    expect(Object.keys(replace)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '409', '412', '413']));
  });

  it('offers every list parameter on GET /Users and /Groups, described and not pre-filled', () => {
    for (const path of ['/scim/v2/Users', '/scim/v2/Groups']) {
      const parameters = doc.paths[path].get.parameters ?? [];
      expect(parameters.map((p) => p.name).sort()).toEqual([...LIST_PARAMETERS].sort());
      for (const parameter of parameters) {
        expect({ name: parameter.name, described: Boolean(parameter.description) }).toEqual({ name: parameter.name, described: true });
        // Swagger UI pre-fills examples and defaults into the form; a pre-filled filter would narrow every search.
        expect([parameter.example, parameter.examples, parameter.schema?.example, parameter.schema?.default]).toEqual([undefined, undefined, undefined, undefined]);
      }
    }
  });

  it('gives every SCIM write a body in both media types with a schema and examples', () => {
    const writes = scimOperations.filter(([path, method]) => ['post', 'put', 'patch'].includes(method) && !path.endsWith('/Me'));
    expect(writes.length).toBe(10); // Users and Groups: POST, PUT, PATCH, .search; Bulk; /.search
    for (const [path, method, operation] of writes) {
      const content = operation.requestBody?.content ?? {};
      const where = `${method} ${path}`;
      expect({ where, types: Object.keys(content) }).toEqual({ where, types: ['application/scim+json', 'application/json'] });
      expect({ where, ref: content['application/scim+json'].schema?.$ref }).toEqual({ where, ref: expect.stringMatching(/^#\/components\/schemas\//) });
      expect({ where, examples: Object.keys(content['application/scim+json'].examples ?? {}).length > 0 }).toEqual({ where, examples: true });
    }
    expect(Object.keys(doc.paths['/scim/v2/Users'].post.requestBody!.content['application/scim+json'].examples!)).toEqual(['entra', 'okta']);
    expect(Object.keys(doc.paths['/scim/v2/Groups/{id}'].patch.requestBody!.content['application/scim+json'].examples!)).toEqual(
      expect.arrayContaining(['addMembers', 'removeMemberByFilter', 'removeMembersByValue']),
    );
  });

  it('has component schemas for the resources (from the schema registry) and the RFC 7644 messages', () => {
    const schemas = doc.components.schemas;
    for (const name of ['User', 'Group', 'PatchOp', 'ListResponse', 'BulkRequest', 'BulkResponse', 'SearchRequest', 'Error']) {
      expect({ name, present: Boolean(schemas[name]?.properties) }).toEqual({ name, present: true });
    }
    const [core, enterprise, group] = listSchemas();
    expect(Object.keys(schemas.User.properties!)).toEqual(
      expect.arrayContaining([...core.attributes.map((a) => a.name), 'id', 'externalId', 'meta', 'schemas', enterprise.id]),
    );
    const extension = schemas.User.properties![enterprise.id] as { properties: Record<string, unknown> };
    expect(Object.keys(extension.properties)).toEqual(enterprise.attributes.map((a) => a.name));
    expect(Object.keys(schemas.Group.properties!)).toEqual(expect.arrayContaining(group.attributes.map((a) => a.name)));
  });

  it('resolves every $ref in the document', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect({ name, defined: Boolean(doc.components.schemas[name]) }).toEqual({ name, defined: true });
    }
  });

  it('names what the bearer tokens are: neither is a JWT', () => {
    for (const scheme of Object.values(doc.components.securitySchemes)) expect(scheme.bearerFormat).not.toBe('JWT');
  });

  /** Every request example, sent as documented, is accepted: the examples cannot rot. */
  it('accepts every request example of every SCIM write', async () => {
    const writes = scimOperations.filter(([path, method]) => ['post', 'put', 'patch'].includes(method) && !path.endsWith('/Me'));
    for (const [path, method, operation] of writes) {
      const examples = operation.requestBody!.content['application/scim+json'].examples!;
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2')).map(Number);
      for (const [name, example] of Object.entries(examples)) {
        const tenant = await createTenant(t);
        const target = await resourcesFor(tenant);
        const url = path.replace('{id}', path.startsWith('/scim/v2/Users') ? target.userId : target.groupId);
        const body = JSON.stringify(example.value).replaceAll(EXAMPLE_RESOURCE_ID, target.memberId);
        const res = await t.http[method as 'post' | 'put' | 'patch'](url).set('Authorization', `Bearer ${tenant.token}`).set('Content-Type', 'application/scim+json').send(body);
        const where = `${method} ${path} ${name}`;
        const accepted = success.includes(res.status);
        expect({ where, accepted, body: accepted ? 'ok' : res.body }).toEqual({ where, accepted: true, body: 'ok' });
      }
    }
  });

  /** A user to PUT or PATCH, a group that already holds `memberId`, for the member examples. */
  async function resourcesFor(tenant: TestTenant): Promise<{ userId: string; groupId: string; memberId: string }> {
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    const member = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    const group = (await scim(t, tenant).post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Existing', members: [{ value: member.id }] }).expect(201)).body;
    return { userId: user.id, groupId: group.id, memberId: member.id };
  }
});
