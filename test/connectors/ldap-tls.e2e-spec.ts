import type { INestApplicationContext } from '@nestjs/common';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { scim } from '../scim/scim-test-client';
import { LDAP_TEST_ENV } from './support/ldap-helpers';
import { TestSlapd } from './support/test-slapd';

const admin = { type: 'bearer' as const };
/** End-to-end through a worker; on a busy shared machine that takes longer than Jest's 30 s default. */
const LONG = 120_000;

/** ldaps:// and StartTLS against a slapd whose certificate comes from a CA made for this run. */
describe('LDAP connector over TLS', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let slapd: TestSlapd;

  beforeAll(async () => {
    slapd = await TestSlapd.start({ tls: true });
    t = await startTestApp(LDAP_TEST_ENV);
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await slapd?.stop();
  });

  const body = async (extra: Record<string, unknown>) => ({
    type: 'ldap', bindDn: slapd.adminDn, bindPassword: slapd.adminPassword, preset: 'openldap', ...(await slapd.subtrees()), ...extra,
  });

  it('provisions over ldaps:// with the configured CA certificate', async () => {
    const tenant = await createTenant(t);
    const settings = await body({ url: slapd.tlsUrl, caCertificate: slapd.caCertificate });
    await t.http.post(`/admin/v1/tenants/${tenant.id}/connectors`).auth(t.adminToken, admin).send(settings).expect(201);
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;
    await waitFor(async () => (await slapd.search(settings.usersDn as string, `(uid=${user.userName})`)).length === 1, 20000, 'the user over ldaps');
  }, LONG);

  it('upgrades ldap:// with StartTLS', async () => {
    const tenant = await createTenant(t);
    const settings = await body({ url: slapd.url.replace('127.0.0.1', 'localhost'), startTls: true, caCertificate: slapd.caCertificate });
    await t.http.post(`/admin/v1/tenants/${tenant.id}/connectors`).auth(t.adminToken, admin).send(settings).expect(201);
  }, LONG);

  it('refuses a certificate it cannot verify: an untrusted CA, or a name the certificate does not carry', async () => {
    const tenant = await createTenant(t);
    const untrusted = await t.http.post(`/admin/v1/tenants/${tenant.id}/connectors`).auth(t.adminToken, admin).send(await body({ url: slapd.tlsUrl })).expect(400);
    expect(JSON.stringify(untrusted.body)).toMatch(/certificate/i);
    // The certificate names localhost only; reached by its address it does not match.
    const byAddress = slapd.tlsUrl.replace('localhost', '127.0.0.1');
    const wrongName = await t.http.post(`/admin/v1/tenants/${tenant.id}/connectors`).auth(t.adminToken, admin)
      .send(await body({ url: byAddress, caCertificate: slapd.caCertificate })).expect(400);
    expect(JSON.stringify(wrongName.body)).toContain("does not match certificate's altnames");
  }, LONG);
});
