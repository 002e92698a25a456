import { FailureRateLimiter } from '@provisio/audit';
import { createTenant, createToken } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { auditWriter, eventually, storedEvents } from './audit-test-helpers';

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

  it('bounds the log when a SCIM client hammers bad requests over HTTP, and says how many it left out', async () => {
    const tenant = await createTenant(t);
    const limiter = t.app.get(FailureRateLimiter, { strict: false });
    const { burst } = limiter.limits;
    const hammered = burst * 3;
    const scim = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' });
    const failures = async () => (await storedEvents(t, tenant.id)).filter((e) => e.outcome === 'failure');
    // No userName: 400 invalidValue every time. The body carries a password that must never reach the log.
    const bad = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], password: 'Hammer-pw-1!' };

    for (let i = 0; i < hammered; i++) await t.http.post('/scim/v2/Users').set(scim(tenant.token)).send(bad).expect(400);
    const recorded = await eventually(failures, (events) => events.length >= burst);
    expect(recorded).toHaveLength(burst);
    expect(recorded.every((e) => e.status === 400 && e.actor_id === tenant.tokenId && e.changes === null)).toBe(true);

    // A second token of the same tenant has its own budget: one noisy client does not hide another's failures.
    const other = await createToken(t, tenant.id);
    await t.http.post('/scim/v2/Users').set(scim(other.token)).send(bad).expect(400);
    await eventually(failures, (events) => events.some((e) => e.actor_id === other.id));

    // Once the bucket refills, the next failure is recorded with the count of those left out before it.
    const realNow = limiter.now;
    limiter.now = () => realNow() + limiter.limits.refillMs;
    try {
      await t.http.post('/scim/v2/Users').set(scim(tenant.token)).send(bad).expect(400);
    } finally {
      limiter.now = realNow;
    }
    const all = await eventually(failures, (events) => events.some((e) => e.suppressed > 0));
    expect(all.filter((e) => e.suppressed > 0)).toEqual([expect.objectContaining({ actor_id: tenant.tokenId, suppressed: hammered - burst })]);
    expect(all).toHaveLength(burst + 2);
    expect(JSON.stringify(all)).not.toContain('Hammer-pw-1!');
  });
});
