import { request } from 'undici';

export interface BenchTenant {
  id?: string;
  name: string;
  token: string;
}

async function adminCall<T>(baseUrl: string, adminToken: string, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const response = await request(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A fresh tenant per scenario through the admin API (README.md, "First tenant"), so every scenario starts from a known size. */
export async function createBenchTenant(baseUrl: string, adminToken: string, scenario: string, runId: string): Promise<BenchTenant> {
  const name = `bench-${scenario}-${runId}`;
  const tenant = await adminCall<{ id: string }>(baseUrl, adminToken, 'POST', '/admin/v1/tenants', { name });
  const token = await adminCall<{ token: string }>(baseUrl, adminToken, 'POST', `/admin/v1/tenants/${tenant.id}/tokens`, {
    description: `npm run bench ${scenario}`,
  });
  return { id: tenant.id, name, token: token.token };
}

export async function deleteBenchTenant(baseUrl: string, adminToken: string, tenant: BenchTenant): Promise<void> {
  if (tenant.id) await adminCall(baseUrl, adminToken, 'DELETE', `/admin/v1/tenants/${tenant.id}`);
}

/** A webhook endpoint of the bench tenant, subscribed to every event type (the API must allow the receiver's host). */
export async function createBenchWebhook(baseUrl: string, adminToken: string, tenant: BenchTenant, url: string): Promise<string> {
  if (!tenant.id) throw new Error('the events scenario needs a tenant it created (no --scim-token)');
  const webhook = await adminCall<{ id: string }>(baseUrl, adminToken, 'POST', `/admin/v1/tenants/${tenant.id}/webhooks`, {
    url,
    description: 'npm run bench events: local receiver',
  });
  return webhook.id;
}
