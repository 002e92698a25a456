import { buildScimUser, createTenant, createToken } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/** Behind a load balancer the audit log must show the IdP's address, and only a trusted proxy may set it. */
describe.each([
  ['trusted (TRUST_PROXY=loopback)', 'loopback', '203.0.113.7'],
  ['not trusted (TRUST_PROXY unset)', '', expect.stringMatching(/127\.0\.0\.1$/)],
])('X-Forwarded-For from a proxy that is %s', (_label, trustProxy, expectedIp) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: trustProxy });
  });
  afterAll(() => t.close());

  it('decides the client IP of audit events', async () => {
    const tenant = await createTenant(t);
    const { token } = await createToken(t, tenant.id);
    await t.http.post('/scim/v2/Users').set({ Authorization: `Bearer ${token}`, 'X-Forwarded-For': '203.0.113.7' }).send(buildScimUser()).expect(201);
    const events = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events?action=user.created`)
      .set({ Authorization: `Bearer ${t.adminToken}` }).expect(200);
    expect(events.body.items[0].clientIp).toEqual(expectedIp);
  });
});
