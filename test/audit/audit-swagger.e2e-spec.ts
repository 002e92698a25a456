import { startTestApp, TestApp } from '../support/test-app';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema: { example?: unknown; enum?: unknown[]; default?: unknown };
}
interface Operation {
  summary?: string;
  description?: string;
  tags: string[];
  security: Array<Record<string, unknown>>;
  parameters: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: { $ref?: string }; example?: unknown; examples?: object }> }>;
}

const BASE = '/admin/v1/tenants/{tenantId}/audit-events';

/** The sandbox (/api/doc/scim_rest) documents every audit route well enough to use it without reading code. */
describe('audit endpoints in the Swagger sandbox', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties: Record<string, { example?: unknown; description?: string }> }> } };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/doc/scim_rest-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const routes = [`${BASE}`, `${BASE}/verify`, `${BASE}/export`, `${BASE}/{eventId}`];

  it.each(routes)('%s: admin auth, a summary and description, every parameter described with an example in words, none pre-filled', (route) => {
    const operation = doc.paths[route]?.get;
    expect(operation).toBeDefined();
    expect(operation.tags).toEqual(['Admin: audit log']);
    expect(operation.security).toEqual([{ 'admin-token': [] }]);
    expect(operation.summary).toBeTruthy();
    expect(operation.description).toBeTruthy();
    for (const parameter of operation.parameters) {
      expect({ name: parameter.name, described: Boolean(parameter.description) }).toEqual({ name: parameter.name, described: true });
      // Swagger UI pre-fills examples into the search form: a filled filter would narrow every search to nothing.
      expect({ name: parameter.name, example: parameter.schema.example }).toEqual({ name: parameter.name, example: undefined });
      const shown = /e\.g\. /.test(parameter.description ?? '') || parameter.schema.enum !== undefined || parameter.schema.default !== undefined;
      // userName and resourceName are aliases; the alias carries the example.
      if (parameter.name !== 'resourceName') expect({ name: parameter.name, shown }).toEqual({ name: parameter.name, shown: true });
    }
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
  });

  it('lists every filter of the search and documents the 400 for bad input', () => {
    const operation = doc.paths[BASE].get;
    expect(operation.parameters.map((p) => p.name).sort()).toEqual(
      ['tenantId', 'action', 'resourceType', 'resourceId', 'userName', 'resourceName', 'externalId', 'actor', 'outcome', 'from', 'to', 'cursor', 'limit'].sort(),
    );
    expect(operation.responses['400']).toBeDefined();
    expect(doc.paths[`${BASE}/export`].get.responses['400']).toBeDefined();
  });

  it('shows example bodies: an event with every field, a verification result, and both export formats', () => {
    const event = doc.components.schemas.AuditEventDto.properties;
    // The example event is a success: no failure status or scimType beside it.
    expect([event.outcome.example, event.status.example, event.scimType.example]).toEqual(['success', null, null]);
    for (const field of ['id', 'sequence', 'occurredAt', 'action', 'outcome', 'resourceType', 'resourceId', 'resourceName', 'actor', 'requestId', 'clientIp', 'userAgent', 'hash']) {
      expect({ field, example: event[field]?.example !== undefined }).toEqual({ field, example: true });
    }
    const verify = doc.paths[`${BASE}/verify`].get.responses['200'].content!['application/json'];
    expect(Object.keys(verify.examples ?? {})).toEqual(['intact', 'edited']);
    const exported = doc.paths[`${BASE}/export`].get.responses['200'].content!;
    expect(exported['text/csv'].example).toMatch(/^sequence,id,occurredAt,action,/);
    expect(exported['application/x-ndjson'].example).toMatch(/^\{"id"/);
  });
});
