import { REDACTED } from '@provisio/audit';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { auditWriter, storedEvents } from './audit-test-helpers';

describe('AuditWriter.record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('writes exactly one event per record with the attribute-level diff and secrets redacted', async () => {
    const tenant = await createTenant(t);
    const before = { userName: 'bjensen', name: { givenName: 'Barbara' }, emails: [{ value: 'b@x.com', type: 'work', primary: true }], meta: { version: 'W/"1"' } };
    const after = { userName: 'bjensen', name: { givenName: 'Babs' }, emails: [{ value: 'b@x.com', type: 'work', primary: false }, { value: 'h@x.com', type: 'home' }], password: 'hunter2!', meta: { version: 'W/"2"' } };
    const existing = (await storedEvents(t, tenant.id)).length;
    await t.dataSource.transaction((tx) =>
      auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.updated', resourceType: 'User', resourceId: 'u-1', resourceName: 'bjensen', externalId: 'ext-1', before, after, actor: { type: 'system', job: 'test' } }),
    );
    const events = await storedEvents(t, tenant.id);
    expect(events).toHaveLength(existing + 1);
    const event = events[events.length - 1];
    expect(event).toMatchObject({ action: 'user.updated', outcome: 'success', resource_type: 'User', resource_id: 'u-1', resource_name: 'bjensen', external_id: 'ext-1', actor_id: 'test' });
    expect(event.changes).toEqual([
      { path: 'emails[value eq "b@x.com" and type eq "work"].primary', op: 'replace', before: true, after: false },
      { path: 'emails[value eq "h@x.com" and type eq "home"]', op: 'add', after: { value: 'h@x.com', type: 'home' } },
      { path: 'name.givenName', op: 'replace', before: 'Barbara', after: 'Babs' },
      { path: 'password', op: 'add', after: REDACTED },
    ]);
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });

  it('leaves no event when the transaction rolls back', async () => {
    const tenant = await createTenant(t);
    const existing = (await storedEvents(t, tenant.id)).length;
    await expect(
      t.dataSource.transaction(async (tx) => {
        await auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.created', resourceType: 'User', resourceId: 'u-2', after: { userName: 'x' } });
        throw new Error('the change failed after recording');
      }),
    ).rejects.toThrow('the change failed');
    expect(await storedEvents(t, tenant.id)).toHaveLength(existing);
    // The sequence handed out to the rolled-back event is reused: the chain stays gapless.
    await t.dataSource.transaction((tx) => auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.created', resourceType: 'User', resourceId: 'u-3' }));
    const events = await storedEvents(t, tenant.id);
    expect(events.map((e) => Number(e.sequence))).toEqual(events.map((_, i) => i + 1));
  });
});
