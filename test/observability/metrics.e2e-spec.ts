import { waitFor } from '../events/support/test-worker';
import { createTenant } from '../support/factories';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, deliveries, scimCreateUser, scimPatchUser } from '../webhooks/support/webhook-helpers';
import { metricNames, parseSamples, Sample, valueOf } from './support/prometheus-text';
import { alertRuleQueries, dashboardQueries, metricsInQuery } from './support/promql-names';
import { ServiceStack, startServiceStack } from './support/service-stack';

const bearer = { type: 'bearer' as const };

// Processes start and answer slowly on a loaded machine: generous time per test.
jest.setTimeout(90000);

describe('metrics: GET /metrics on the API and the worker metrics port', () => {
  let stack: ServiceStack;
  let receiver: TestReceiver;

  // The API counts with a tenant label (METRICS_TENANT_LABELS=true), the worker without (the default).
  beforeAll(async () => {
    receiver = await new TestReceiver().start();
    stack = await startServiceStack({ api: { METRICS_TENANT_LABELS: 'true' } });
  }, 400000);

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  async function scrapeApi(): Promise<Sample[]> {
    const res = await stack.http.get('/metrics').auth(stack.adminToken, bearer).expect(200).expect('content-type', /^text\/plain/);
    return parseSamples(res.text);
  }

  async function scrapeWorker(): Promise<Sample[]> {
    const res = await fetch(stack.workerMetricsUrl);
    expect(res.status).toBe(200);
    return parseSamples(await res.text());
  }

  it('refuses GET /metrics without the admin token, and with a tenant SCIM token', async () => {
    await stack.http.get('/metrics').expect(401);
    await stack.http.get('/metrics').auth('not-the-admin-token-at-all', bearer).expect(401);
    const tenant = await createTenant(stack);
    await stack.http.get('/metrics').auth(tenant.token, bearer).expect(401);
  });

  it('counts SCIM traffic by route and status, and by resource, operation, outcome and tenant; the worker reports backlog gauges', async () => {
    const tenant = await createTenant(stack);
    const hook = await createWebhook(stack, tenant.id, { url: receiver.url('/hook') });
    const user = await scimCreateUser(stack, tenant);
    await scimPatchUser(stack, tenant, user.id, [{ op: 'replace', path: 'displayName', value: 'Barbara J.' }]);
    await stack.http.get('/scim/v2/Users/00000000-0000-4000-8000-000000000000').auth(tenant.token, bearer).expect(404);
    await waitFor(async () => (await deliveries(stack, tenant.id, hook.id)).filter((d) => d.status === 'succeeded').length === 2, 60000, 'both deliveries');

    const api = await scrapeApi();
    const duration = 'http_server_request_duration_seconds_count';
    expect(valueOf(api, duration, { http_request_method: 'POST', http_route: '/scim/v2/Users', http_response_status_code: '201' })).toBe(1);
    expect(valueOf(api, duration, { http_request_method: 'PATCH', http_route: '/scim/v2/Users/:id', http_response_status_code: '200' })).toBe(1);
    expect(valueOf(api, duration, { http_request_method: 'GET', http_route: '/scim/v2/Users/:id', http_response_status_code: '404' })).toBe(1);
    // Buckets in seconds (semantic conventions): the PATCH took well under 10 s, so it sits in the 10 s bucket.
    expect(valueOf(api, 'http_server_request_duration_seconds_bucket', { http_request_method: 'PATCH', le: '10' })).toBe(1);
    // Scrapes and probes are not measured, so they cannot drown the traffic.
    expect(api.some((s) => s.labels.http_route === '/metrics')).toBe(false);

    const ops = 'provisio_scim_operations_total';
    expect(valueOf(api, ops, { resource: 'User', operation: 'create', outcome: 'success', tenant: tenant.id })).toBe(1);
    expect(valueOf(api, ops, { resource: 'User', operation: 'patch', outcome: 'success', tenant: tenant.id })).toBe(1);
    expect(valueOf(api, ops, { resource: 'User', operation: 'get', outcome: 'client_error', tenant: tenant.id })).toBe(1);
    expect(valueOf(api, ops, { outcome: 'server_error' })).toBeUndefined();

    const worker = await scrapeWorker();
    // Both events were queued: nothing waits for the relay.
    expect(valueOf(worker, 'provisio_outbox_lag_seconds')).toBe(0);
    expect(valueOf(worker, 'provisio_outbox_unpublished_events')).toBe(0);
    expect(valueOf(worker, 'provisio_queue_jobs', { queue: 'webhook-deliveries', state: 'waiting' })).toBe(0);
    expect(new Set(worker.filter((s) => s.name === 'provisio_queue_jobs').map((s) => s.labels.queue))).toEqual(
      new Set(['webhook-deliveries', 'connector-syncs', 'connector-resyncs', 'events-maintenance', 'audit-retention']),
    );
    expect(worker.filter((s) => s.name.startsWith('provisio_')).some((s) => 'tenant' in s.labels)).toBe(false);
  });

  it('has every metric the Grafana dashboard and the documented alert rules query', async () => {
    const names = new Set([...metricNames(await scrapeApi()), ...metricNames(await scrapeWorker())]);
    const queries = [...dashboardQueries(), ...alertRuleQueries()];
    expect(alertRuleQueries().length).toBeGreaterThanOrEqual(3);
    const queried = [...new Set(queries.flatMap(metricsInQuery))];
    expect(queried.length).toBeGreaterThan(5);
    expect(queried.filter((name) => !names.has(name))).toEqual([]);
  });
});
