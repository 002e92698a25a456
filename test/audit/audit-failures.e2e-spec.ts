import { FailureRateLimiter } from '@provisio/audit';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { auditWriter, storedEvents } from './audit-test-helpers';

describe('AuditWriter.recordFailure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const failure = (tenantId: string, tokenId: string, status = 400) => ({
    tenantId, action: 'user.created', resourceType: 'User', status, scimType: 'invalidValue', summary: 'userName is required',
    actor: { type: 'token' as const, tokenId, tokenPrefix: 'scim_x', tokenKind: 'static' as const },
    // A failure never stores a body, even if a caller passes one.
    after: { password: 'hunter2!', userName: 'x' },
  });

  it('stores a failure with status and summary but no body, and stops growing when a client hammers', async () => {
    const tenant = await createTenant(t);
    const limiter = t.app.get(FailureRateLimiter, { strict: false });
    const base = (await storedEvents(t, tenant.id)).length;
    for (let i = 0; i < 50; i++) await auditWriter(t).recordFailure(failure(tenant.id, 'tok-hammer'));
    const events = (await storedEvents(t, tenant.id)).slice(base);
    expect(events).toHaveLength(limiter.limits.burst);
    expect(events[0]).toMatchObject({ outcome: 'failure', status: 400, scim_type: 'invalidValue', summary: 'userName is required', changes: null, suppressed: 0 });
    expect(JSON.stringify(events)).not.toContain('hunter2');

    // Another status or another token is a separate budget.
    await auditWriter(t).recordFailure(failure(tenant.id, 'tok-hammer', 409));
    await auditWriter(t).recordFailure(failure(tenant.id, 'tok-other'));
    expect(await storedEvents(t, tenant.id)).toHaveLength(base + limiter.limits.burst + 2);

    // Once the bucket refills, the next failure carries the count of those left out.
    const realNow = limiter.now;
    limiter.now = () => realNow() + limiter.limits.refillMs;
    try {
      await auditWriter(t).recordFailure(failure(tenant.id, 'tok-hammer'));
    } finally {
      limiter.now = realNow;
    }
    const last = (await storedEvents(t, tenant.id)).pop()!;
    expect(last).toMatchObject({ actor_id: 'tok-hammer', status: 400, suppressed: 50 - limiter.limits.burst });
  });
});
