import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  const scimToken = `scim_${'A1b2'.repeat(10)}`;
  const adminToken = 'an-admin-token-without-any-marker-123';

  it('blanks credential-named query values and keeps the others', () => {
    expect(redactUrl(`/scim/v2/Users?access_token=${scimToken}&filter=userName+eq+%22a%22`)).toBe('/scim/v2/Users?access_token=[redacted]&filter=userName+eq+%22a%22');
    expect(redactUrl('/x?client_secret=abc&Access%5FToken=def&count=5&code=xyz')).toBe('/x?client_secret=[redacted]&Access%5FToken=[redacted]&count=5&code=[redacted]');
  });

  it('blanks a marked secret or a known secret wherever it stands, also URL-encoded', () => {
    expect(redactUrl(`/admin/v1/${scimToken}/x?q=${scimToken}`)).toBe('/admin/v1/[redacted]/x?q=[redacted]');
    expect(redactUrl(`/admin/v1/tenants?t=${encodeURIComponent(adminToken + '/+')}`, [adminToken + '/+'])).toBe('/admin/v1/tenants?t=[redacted]');
    expect(redactUrl(`/admin/v1/${adminToken}`, [adminToken])).toBe('/admin/v1/[redacted]');
  });

  it('leaves URLs without secrets untouched', () => {
    for (const url of ['/scim/v2/Users?startIndex=1&count=100', '/health/live', '/scim/v2/Users/2819c223?attributes=emails', '/x?a', '/x?=b&&c=']) {
      expect(redactUrl(url, [adminToken])).toBe(url);
    }
  });
});
