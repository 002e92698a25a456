import { AdminClient, buildScimUser, TestTenant } from '../../support/factories';

/** Short retry timings so a whole retry window fits in a test: 300 ms timeouts, 50 ms first backoff, 3 s window. */
export const FAST_DELIVERY_ENV = {
  OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
  OUTBOUND_TIMEOUT_MS: '300',
  DELIVERY_RETRY_BASE_MS: '50',
  DELIVERY_MAX_AGE_SECONDS: '3',
  WEBHOOK_DISABLE_AFTER_DEAD_DELIVERIES: '2',
};

export async function createWebhook(t: AdminClient, tenantId: string, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const res = await t.http.post(`/admin/v1/tenants/${tenantId}/webhooks`).auth(t.adminToken, { type: 'bearer' }).send(body).expect(201);
  return res.body;
}

export async function deliveries(t: AdminClient, tenantId: string, webhookId: string) {
  const res = await t.http.get(`/admin/v1/tenants/${tenantId}/webhooks/${webhookId}/deliveries`).auth(t.adminToken, { type: 'bearer' }).expect(200);
  return res.body.items as {
    id: string; eventId: string; eventType: string; status: string; attemptCount: number; lastError: string | null; nextAttemptAt: string | null;
    attempts: { attempt: number; at: string; statusCode: number | null; latencyMs: number; outcome: string; error: string | null; responseExcerpt: string | null }[];
  }[];
}

/** A user created through SCIM, as Entra would: the real path from SCIM write to outbox to webhook. */
export async function scimCreateUser(t: AdminClient, tenant: TestTenant, overrides: Record<string, unknown> = {}): Promise<{ id: string; userName: string }> {
  const res = await t.http.post('/scim/v2/Users').auth(tenant.token, { type: 'bearer' })
    .set('Content-Type', 'application/scim+json').send(JSON.stringify(buildScimUser(overrides))).expect(201);
  return res.body;
}

export async function scimPatchUser(t: AdminClient, tenant: TestTenant, id: string, operations: object[]): Promise<void> {
  await t.http.patch(`/scim/v2/Users/${id}`).auth(tenant.token, { type: 'bearer' }).set('Content-Type', 'application/scim+json')
    .send(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations })).expect(200);
}
