import { createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { LDAP_TEST_ENV } from './support/ldap-helpers';
import { TestSlapd } from './support/test-slapd';

const admin = { type: 'bearer' as const };

/** Configuring an ldap connector: the directory is bound and both DNs read before anything is saved. */
describe('LDAP connector configuration (admin API)', () => {
  let t: TestApp;
  let slapd: TestSlapd;
  let tenant: TestTenant;
  let valid: Record<string, unknown>;
  const base = (tenantId: string) => `/admin/v1/tenants/${tenantId}/connectors`;

  beforeAll(async () => {
    slapd = await TestSlapd.start();
    t = await startTestApp(LDAP_TEST_ENV);
    tenant = await createTenant(t);
    valid = {
      type: 'ldap', url: slapd.url, bindDn: slapd.adminDn, bindPassword: slapd.adminPassword,
      usersDn: slapd.usersDn, groupsDn: slapd.groupsDn, preset: 'openldap', description: 'staff directory',
    };
  });

  afterAll(async () => {
    await t?.close();
    await slapd?.stop();
  });

  it('creates an ldap connector (201) showing its settings but never the bind password', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    expect(created.body).toEqual(expect.objectContaining({
      type: 'ldap', baseUrl: slapd.url, description: 'staff directory', enabled: true,
      ldap: {
        url: slapd.url, bindDn: slapd.adminDn, usersDn: slapd.usersDn, groupsDn: slapd.groupsDn, preset: 'openldap',
        mapping: {}, startTls: false, caCertificate: null, deactivation: null,
      },
    }));
    const one = `${base(tenant.id)}/${created.body.id}`;
    const fetched = await t.http.get(one).auth(t.adminToken, admin).expect(200);
    const listed = await t.http.get(base(tenant.id)).auth(t.adminToken, admin).expect(200);
    const patched = await t.http.patch(one).auth(t.adminToken, admin).send({ bindPassword: slapd.adminPassword, mapping: { employeeType: 'userType' } }).expect(200);
    expect(patched.body.ldap.mapping).toEqual({ employeeType: 'userType' });
    for (const body of [created.body, fetched.body, listed.body, patched.body]) expect(JSON.stringify(body)).not.toContain(slapd.adminPassword);

    const [row] = await t.dataSource.query(`SELECT token_sealed, settings FROM connectors WHERE id = $1`, [created.body.id]);
    expect(row.token_sealed.includes(Buffer.from(slapd.adminPassword))).toBe(false);
    expect(JSON.stringify(row.settings)).not.toContain(slapd.adminPassword);
    const audit = await t.dataSource.query(`SELECT * FROM audit_events WHERE tenant_id = $1 AND resource_id = $2 ORDER BY occurred_at`, [tenant.id, created.body.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['connector.created', 'connector.updated']);
    expect(audit[1].summary).toBe('bind password replaced');
    expect(JSON.stringify(audit)).not.toContain(slapd.adminPassword);
  });

  it('answers 400 with the LDAP result code when the bind fails or a DN does not exist, and saves nothing', async () => {
    const other = await createTenant(t);
    const wrong = await t.http.post(base(other.id)).auth(t.adminToken, admin).send({ ...valid, bindPassword: 'not-the-password' }).expect(400);
    expect(JSON.stringify(wrong.body)).toContain(`LDAP bind ${slapd.adminDn}: 49 invalidCredentials`);
    expect(JSON.stringify(wrong.body)).not.toContain('not-the-password');
    const missing = await t.http.post(base(other.id)).auth(t.adminToken, admin).send({ ...valid, groupsDn: 'ou=nowhere,dc=example,dc=org' }).expect(400);
    expect(JSON.stringify(missing.body)).toContain('LDAP search ou=nowhere,dc=example,dc=org: 32 noSuchObject');
    expect((await t.http.get(base(other.id)).auth(t.adminToken, admin).expect(200)).body).toEqual([]);
  });

  it('answers 400 when the directory cannot be reached', async () => {
    const res = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send({ ...valid, url: 'ldap://127.0.0.1:9' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('could not be reached');
  });

  it.each([
    ['no bindDn', { bindDn: undefined }, 'needs bindDn'],
    ['no bindPassword', { bindPassword: undefined }, 'needs bindPassword'],
    ['no usersDn', { usersDn: undefined }, 'needs usersDn'],
    ['an unknown preset', { preset: 'novell' }, 'preset must be one of'],
    ['an http url', { url: 'http://127.0.0.1:389' }, 'url must use ldap or ldaps'],
    ['a url with a DN in it', { url: 'ldap://127.0.0.1:389/dc=example,dc=org' }, 'scheme, host and port only'],
    ['credentials in the url', { url: 'ldap://u:p@127.0.0.1:389' }, 'must not contain credentials'],
    ['a private address', { url: 'ldap://10.0.0.5' }, 'OUTBOUND_ALLOWED_HOSTS'],
    ['the cloud metadata address', { url: 'ldaps://169.254.169.254' }, 'OUTBOUND_ALLOWED_HOSTS'],
    ['startTls on ldaps', { url: 'ldaps://127.0.0.1:1636', startTls: true }, 'startTls applies to ldap://'],
    ['a SCIM baseUrl', { baseUrl: 'https://example.com/scim' }, 'baseUrl and token are for scim connectors'],
    ['a mapping to a non-path', { mapping: { mail: 'emails[type eq "work"]' } }, 'must be a SCIM attribute path'],
    ['a mapping of a non-attribute', { mapping: { 'bad attr': 'title' } }, 'is not an LDAP attribute name'],
    ['deactivation with the AD preset', { preset: 'active-directory', deactivation: { attribute: 'employeeType', value: 'off' } }, 'deactivation applies to the openldap preset'],
  ])('answers 400 to %s', async (_what, change, reason) => {
    const res = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send({ ...valid, ...change }).expect(400);
    expect(JSON.stringify(res.body)).toContain(reason);
    expect(JSON.stringify(res.body)).not.toContain(slapd.adminPassword);
  });

  it('re-checks a change against the directory: a wrong new password or DN is a 400 and changes nothing', async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    const one = `${base(tenant.id)}/${created.body.id}`;
    const res = await t.http.patch(one).auth(t.adminToken, admin).send({ bindPassword: 'rotated-wrongly' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('49 invalidCredentials');
    await t.http.patch(one).auth(t.adminToken, admin).send({ usersDn: 'ou=gone,dc=example,dc=org' }).expect(400);
    await t.http.patch(one).auth(t.adminToken, admin).send({ token: 'scim-token' }).expect(400);
    const after = await t.http.get(one).auth(t.adminToken, admin).expect(200);
    expect(after.body.ldap.usersDn).toBe(slapd.usersDn);
    // The stored password still works: a change of description alone does not bind, a DN change does.
    await t.http.patch(one).auth(t.adminToken, admin).send({ groupsDn: slapd.groupsDn, description: 'still fine' }).expect(200);
  });

  it("answers 404 for another tenant's ldap connector", async () => {
    const created = await t.http.post(base(tenant.id)).auth(t.adminToken, admin).send(valid).expect(201);
    const other = await createTenant(t);
    await t.http.get(`${base(other.id)}/${created.body.id}`).auth(t.adminToken, admin).expect(404);
    await t.http.patch(`${base(other.id)}/${created.body.id}`).auth(t.adminToken, admin).send({ bindPassword: 'x' }).expect(404);
  });
});
