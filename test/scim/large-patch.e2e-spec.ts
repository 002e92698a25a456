import { MAX_VALUES_PER_ATTRIBUTE } from '@provisio/scim';
import { longestLoopTurn } from '../support/event-loop-watch';
import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { patchOp, scim } from './scim-test-client';

/** As many `{"value":"u<i>@example.com"}` as fit in a body of `bytes`. */
function emailsFilling(bytes: number): Array<{ value: string }> {
  const emails: Array<{ value: string }> = [];
  let size = 200; // the PatchOp envelope
  for (let i = 0; size < bytes - 40; i++) {
    const email = { value: `u${i}@example.com` };
    size += JSON.stringify(email).length + 1;
    emails.push(email);
  }
  return emails;
}

const emails = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ value: `v${from + i}@example.com`, type: 'work' }));

describe('large multi-valued PATCH: linear, capped, and never stalls other tenants', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
    other = await createTenant(t);
  });
  afterAll(() => t.close());

  it('answers an add of as many emails as the body limit allows with 400 invalidValue, holding the event loop under 50 ms', async () => {
    const client = scim(t, tenant);
    const user = (await client.post('/Users', buildScimUser()).expect(201)).body;
    const value = emailsFilling(t.config.scimMaxBodyBytes);
    expect(value.length).toBeGreaterThan(30 * MAX_VALUES_PER_ATTRIBUTE);
    const body = JSON.stringify(patchOp({ op: 'add', path: 'emails', value }));
    const { result, cpuMs } = await longestLoopTurn(async () => {
      const patch = client.patch(`/Users/${user.id}`, JSON.parse(body)).then((res) => res);
      // Another tenant's discovery call, in flight while the PATCH is served.
      const discovery = scim(t, other).get('/ServiceProviderConfig').then((res) => res);
      return Promise.all([patch, discovery]);
    });
    const [patch, discovery] = result;
    expect(patch.status).toBe(400);
    expect(patch.body).toMatchObject({ scimType: 'invalidValue', detail: expect.stringContaining(`at most ${MAX_VALUES_PER_ATTRIBUTE}`) });
    expect(discovery.status).toBe(200);
    expect(cpuMs).toBeLessThan(50);
  });

  it('adds values in one PATCH and removes them by value list at a cost linear in their number (cap included)', async () => {
    const client = scim(t, tenant);
    const longestTurns = async (n: number) => {
      const user = (await client.post('/Users', buildScimUser({ emails: undefined })).expect(201)).body;
      const added = await longestLoopTurn(() => client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: 'emails', value: emails(n) })));
      expect(added.result.status).toBe(200);
      expect(added.result.body.emails).toHaveLength(n);
      const removed = await longestLoopTurn(() => client.patch(`/Users/${user.id}`, patchOp({ op: 'remove', path: 'emails', value: emails(n) })));
      expect(removed.result.status).toBe(200);
      expect(removed.result.body.emails).toBeUndefined();
      return added.cpuMs + removed.cpuMs;
    };
    await longestTurns(MAX_VALUES_PER_ATTRIBUTE / 10); // warms the code paths up
    const small = await longestTurns(MAX_VALUES_PER_ATTRIBUTE / 10);
    const large = await longestTurns(MAX_VALUES_PER_ATTRIBUTE);
    // Ten times the values, at most about ten times the longest turn (a quadratic engine: a hundred).
    expect(large / small).toBeLessThan(20);
  });

  it('refuses a PATCH that would take an attribute past the cap, and a POST or PUT that carries more', async () => {
    const client = scim(t, tenant);
    const user = (await client.post('/Users', buildScimUser({ emails: emails(MAX_VALUES_PER_ATTRIBUTE - 1) })).expect(201)).body;
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: 'emails', value: emails(1, 10_000) })).expect(200);
    const over = await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: 'emails[type eq "home"].value', value: 'x@example.com' })).expect(400);
    expect(over.body.scimType).toBe('invalidValue');
    await client.post('/Users', buildScimUser({ emails: emails(MAX_VALUES_PER_ATTRIBUTE + 1) })).expect(400);
    await client.put(`/Users/${user.id}`, buildScimUser({ userName: user.userName, emails: emails(MAX_VALUES_PER_ATTRIBUTE + 1) })).expect(400);
    // A value already there is not a new one: re-adding it at the cap is the usual no-op.
    await client.patch(`/Users/${user.id}`, patchOp({ op: 'add', path: 'emails', value: emails(1, 10_000) })).expect(200);
  });

  it('publishes the cap in /Schemas on every multi-valued User attribute, and not on Group members', async () => {
    const client = scim(t, tenant);
    const user = (await client.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:User').expect(200)).body;
    const emailsAttribute = user.attributes.find((a: { name: string }) => a.name === 'emails');
    expect(emailsAttribute.description).toContain(`At most ${MAX_VALUES_PER_ATTRIBUTE} values.`);
    const group = (await client.get('/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group').expect(200)).body;
    const members = group.attributes.find((a: { name: string }) => a.name === 'members');
    expect(members.description).not.toContain('At most');
  });
});
