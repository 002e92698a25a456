import { TestApp } from '../support/test-app';
import { TestTenant } from '../support/factories';

export const SCIM_JSON = 'application/scim+json';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** supertest calls with a tenant's bearer token and the SCIM media type, as an IdP sends them. */
export function scim(t: TestApp, tenant: TestTenant) {
  const auth = { Authorization: `Bearer ${tenant.token}` };
  return {
    get: (path: string) => t.http.get(`/scim/v2${path}`).set(auth),
    delete: (path: string) => t.http.delete(`/scim/v2${path}`).set(auth),
    post: (path: string, body: unknown) => t.http.post(`/scim/v2${path}`).set(auth).set('Content-Type', SCIM_JSON).send(JSON.stringify(body)),
    put: (path: string, body: unknown) => t.http.put(`/scim/v2${path}`).set(auth).set('Content-Type', SCIM_JSON).send(JSON.stringify(body)),
    patch: (path: string, body: unknown) => t.http.patch(`/scim/v2${path}`).set(auth).set('Content-Type', SCIM_JSON).send(JSON.stringify(body)),
  };
}

export function patchOp(...operations: object[]): object {
  return { schemas: [PATCH_OP], Operations: operations };
}
