import { AddressInfo } from 'node:net';
import { waitFor } from '../../events/support/test-worker';
import { TestTenant } from '../../support/factories';
import { TestApp } from '../../support/test-app';
import { patchOp, scim } from '../../scim/scim-test-client';

/** Our own server may be the store: loopback allowed; short timeouts and retries so failures settle within a test. */
export const CONNECTOR_TEST_ENV = {
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
  OUTBOUND_TIMEOUT_MS: '3000',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_MAX_AGE_SECONDS: '3',
};

const admin = { type: 'bearer' as const };

/** The connector must reach the API over real HTTP, so the in-process server listens on a loopback port. */
export async function listen(t: TestApp): Promise<string> {
  const server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
}

export interface ConnectorBody {
  id: string;
  baseUrl: string;
  enabled: boolean;
  sync: { lastSuccessAt: string | null; lastFailureAt: string | null; lastError: string | null; pending: number; retrying: number; dead: number; succeeded: number; mapped: { users: number; groups: number } };
}

export async function createConnector(t: TestApp, tenantId: string, body: Record<string, unknown>): Promise<ConnectorBody> {
  const res = await t.http.post(`/admin/v1/tenants/${tenantId}/connectors`).auth(t.adminToken, admin).send(body).expect(201);
  return res.body;
}

export async function getConnector(t: TestApp, tenantId: string, connectorId: string): Promise<ConnectorBody> {
  return (await t.http.get(`/admin/v1/tenants/${tenantId}/connectors/${connectorId}`).auth(t.adminToken, admin).expect(200)).body;
}

/** Waits until every sync of the connector is settled (none pending), then returns its state. */
export async function settled(t: TestApp, tenantId: string, connectorId: string, expectedSyncs: number): Promise<ConnectorBody> {
  let state: ConnectorBody | undefined;
  await waitFor(async () => {
    state = await getConnector(t, tenantId, connectorId);
    return state.sync.pending === 0 && state.sync.succeeded + state.sync.dead >= expectedSyncs;
  }, 20000, `${expectedSyncs} settled syncs`);
  return state!;
}

export interface ScimResource {
  id: string;
  userName?: string;
  displayName?: string;
  externalId?: string;
  active?: boolean;
  members?: { value: string; type?: string }[];
}

export async function findUser(t: TestApp, tenant: TestTenant, userName: string): Promise<ScimResource | undefined> {
  const res = await scim(t, tenant).get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`).expect(200);
  return res.body.Resources[0];
}

export async function findGroup(t: TestApp, tenant: TestTenant, displayName: string): Promise<ScimResource | undefined> {
  const res = await scim(t, tenant).get(`/Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`).expect(200);
  const found = res.body.Resources[0];
  if (!found) return undefined;
  // The list does not carry members; read the group itself, which the worker may delete in between.
  const group = await scim(t, tenant).get(`/Groups/${found.id}`);
  if (group.status === 404) return undefined;
  expect(group.status).toBe(200);
  return group.body;
}

export function memberIds(group: ScimResource | undefined): string[] {
  return (group?.members ?? []).map((m) => m.value).sort();
}

export const addMembers = (ids: string[]) => patchOp({ op: 'Add', path: 'members', value: ids.map((value) => ({ value })) });
export const removeMember = (id: string) => patchOp({ op: 'Remove', path: `members[value eq "${id}"]` });
