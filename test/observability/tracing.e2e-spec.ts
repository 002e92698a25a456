import { randomBytes } from 'node:crypto';
import { waitFor } from '../events/support/test-worker';
import { createTenant } from '../support/factories';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook, scimCreateUser } from '../webhooks/support/webhook-helpers';
import { OtlpReceiver, ReceivedSpan } from './support/otlp-receiver';
import { ServiceStack, startServiceStack } from './support/service-stack';

const bearer = { type: 'bearer' as const };
const SERVER = 2;

/** Spans of one trace that descend from `root` through parent links. */
function descendants(root: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const ids = new Set([root.spanId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const span of spans) {
      if (span.parentSpanId && ids.has(span.parentSpanId) && !ids.has(span.spanId)) {
        ids.add(span.spanId);
        grew = true;
      }
    }
  }
  return spans.filter((span) => ids.has(span.spanId) && span !== root);
}

function isPostgres(span: ReceivedSpan): boolean {
  return span.attributes['db.system'] === 'postgresql' || span.attributes['db.system.name'] === 'postgresql';
}

// Processes start and answer slowly on a loaded machine: generous time per test.
jest.setTimeout(90000);

describe('traces over OTLP/HTTP', () => {
  let stack: ServiceStack;
  let otlp: OtlpReceiver;
  let receiver: TestReceiver;

  beforeAll(async () => {
    otlp = await new OtlpReceiver().start();
    receiver = await new TestReceiver().start();
    stack = await startServiceStack({ both: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' } });
  }, 400000);

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([otlp?.stop(), receiver?.stop()]);
  });

  it('makes one trace of a SCIM PATCH: the HTTP span with the Postgres spans under it, and logs carry its trace id', async () => {
    const tenant = await createTenant(stack);
    const hook = await createWebhook(stack, tenant.id, { url: receiver.url('/hook') });
    const user = await scimCreateUser(stack, tenant);
    const requestId = `trace-${randomBytes(6).toString('hex')}`;
    const secretValue = `Secret Name ${randomBytes(6).toString('hex')}`;
    await stack.http.patch(`/scim/v2/Users/${user.id}`).auth(tenant.token, bearer).set('X-Request-Id', requestId)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'displayName', value: secretValue }] }))
      .expect(200);

    const isPatch = (span: ReceivedSpan) => span.kind === SERVER && span.name === 'PATCH /scim/v2/Users/:id';
    await waitFor(() => otlp.spans.some(isPatch), 60000, 'the PATCH server span');
    const server = otlp.spans.find(isPatch)!;
    expect(server).toEqual(expect.objectContaining({ service: 'provisio-api', parentSpanId: undefined }));
    expect(server.attributes).toEqual(expect.objectContaining({ 'http.route': '/scim/v2/Users/:id', 'http.response.status_code': 200 }));
    await waitFor(() => descendants(server, otlp.trace(server.traceId)).some(isPostgres), 30000, 'Postgres spans under the PATCH');
    const postgres = descendants(server, otlp.trace(server.traceId)).filter(isPostgres);
    // Reading the user, updating it, the audit event and the outbox event, inside one transaction.
    expect(postgres.length).toBeGreaterThanOrEqual(4);
    expect(postgres.every((span) => span.service === 'provisio-api')).toBe(true);

    // The request's log lines name the trace beside the request id.
    const line = await stack.api.waitForLog((l) => l.requestId === requestId && l.traceId === server.traceId, 'a log line with the trace id', 30000);
    expect(line.traceId).toMatch(/^[0-9a-f]{32}$/);

    // No token, secret or body value in any span.
    const everything = JSON.stringify(otlp.spans);
    for (const secret of [tenant.token, stack.adminToken, hook.secret, secretValue]) expect(everything).not.toContain(secret);
  });
});
