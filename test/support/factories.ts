import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

export interface TestTenant {
  id: string;
  name: string;
  /** A live SCIM bearer token of this tenant. */
  token: string;
  tokenId: string;
}

export function uniqueName(prefix = 'tenant'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Creates a tenant and a SCIM token through the admin API, as an operator would. */
/** What the factories need of an app: an HTTP client and the admin token (an in-process TestApp, or a process's URL). */
export type AdminClient = Pick<TestApp, 'http' | 'adminToken'>;

export async function createTenant(t: AdminClient, name = uniqueName()): Promise<TestTenant> {
  const tenant = await t.http.post('/admin/v1/tenants').auth(t.adminToken, { type: 'bearer' }).send({ name }).expect(201);
  const token = await createToken(t, tenant.body.id);
  return { id: tenant.body.id, name, token: token.token, tokenId: token.id };
}

export async function createToken(t: AdminClient, tenantId: string, body: object = {}): Promise<{ id: string; token: string; prefix: string }> {
  const res = await t.http.post(`/admin/v1/tenants/${tenantId}/tokens`).auth(t.adminToken, { type: 'bearer' }).send(body).expect(201);
  return res.body;
}

/** A SCIM user body in the shape Entra sends on create. */
export function buildScimUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const userName = (overrides.userName as string) ?? `${uniqueName('user')}@example.com`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    userName,
    externalId: uniqueName('ext'),
    active: true,
    name: { givenName: 'Barbara', familyName: 'Jensen', formatted: 'Barbara Jensen' },
    emails: [{ value: userName, type: 'work', primary: true }],
    ...overrides,
  };
}
