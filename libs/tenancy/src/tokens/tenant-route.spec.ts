import { randomUUID } from 'node:crypto';
import { tenantRouteOf, withTenantRoute } from './tenant-route';

describe('tenant route in tokens', () => {
  it('round-trips a tenant id behind the secret', () => {
    const tenantId = randomUUID();
    const token = withTenantRoute('scim_' + 'A'.repeat(43), tenantId);
    expect(token).toMatch(/^scim_A{43}\.[A-Za-z0-9_-]{22}$/);
    expect(tenantRouteOf(token)).toBe(tenantId);
  });

  it('finds no route in a token issued before routes, or in a malformed one', () => {
    expect(tenantRouteOf('scim_' + 'A'.repeat(43))).toBeUndefined();
    expect(tenantRouteOf('scim_abc.tooShort')).toBeUndefined();
    expect(tenantRouteOf('')).toBeUndefined();
  });
});
