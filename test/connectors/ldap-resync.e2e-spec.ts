import type { INestApplicationContext } from '@nestjs/common';
import { Attribute, Change } from 'ldapts';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { GROUP_SCHEMA, scim } from '../scim/scim-test-client';
import { ScimResource, settled } from './support/connector-helpers';
import { LDAP_TEST_ENV, ldapConnector, memberDns } from './support/ldap-helpers';
import { TestSlapd } from './support/test-slapd';

const admin = { type: 'bearer' as const };
/** End-to-end through a worker; on a busy shared machine that takes longer than Jest's 30 s default. */
const LONG = 120_000;
const change = (operation: 'add' | 'delete' | 'replace', type: string, value: string) =>
  new Change({ operation, modification: new Attribute({ type, values: [value] }) });

/** Resync of an ldap connector: the directory is made to match the tenant again after it was edited by hand. */
describe('LDAP connector resync', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let slapd: TestSlapd;

  beforeAll(async () => {
    slapd = await TestSlapd.start();
    t = await startTestApp(LDAP_TEST_ENV);
    worker = await startTestWorker(t.config, []);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await slapd?.stop();
  });

  async function resync(tenantId: string, connectorId: string): Promise<{ status: string; summary: unknown; error: string | null }> {
    const queued = await t.http.post(`/admin/v1/tenants/${tenantId}/connectors/${connectorId}/resync`).auth(t.adminToken, admin).expect(202);
    let body: { status: string; summary: unknown; error: string | null } | undefined;
    await waitFor(async () => {
      body = (await t.http.get(`/admin/v1/tenants/${tenantId}/connectors/${connectorId}/resyncs/${queued.body.id}`).auth(t.adminToken, admin).expect(200)).body;
      return body!.status === 'succeeded' || body!.status === 'failed';
    }, 30000, 'the resync to finish');
    return body!;
  }

  it('repairs a deleted entry, attribute drift and membership drift, and leaves entries that are not ours alone', async () => {
    const { a, connector, usersDn, groupsDn } = await ldapConnector(t, slapd);
    const [lost, drifted] = await Promise.all([1, 2].map(async () => (await scim(t, a).post('/Users', buildScimUser({ title: 'Engineer' })).expect(201)).body as ScimResource));
    const displayName = uniqueName('Staff');
    await scim(t, a).post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: [{ value: lost.id }, { value: drifted.id }] }).expect(201);
    await settled(t, a.id, connector.id, 4);
    const dnOf = (user: ScimResource) => `uid=${user.userName},${usersDn}`;
    expect(await memberDns(slapd, groupsDn, displayName)).toEqual([dnOf(lost), dnOf(drifted)].sort());

    // By hand: one entry deleted, one attribute changed, a stranger added to the group, a member taken out.
    const stranger = `uid=${uniqueName('stranger')},${usersDn}`;
    const groupDn = `cn=${displayName},${groupsDn}`;
    await slapd.admin(async (client) => {
      await client.del(dnOf(lost));
      await client.modify(dnOf(drifted), [change('replace', 'title', 'Hand-edited')]);
      await client.add(stranger, { objectClass: 'inetOrgPerson', uid: stranger.split(',')[0].slice(4), cn: 'Stranger', sn: 'Stranger' });
      await client.modify(groupDn, [
        change('add', 'member', stranger),
        change('delete', 'member', dnOf(drifted)),
      ]);
    });

    const done = await resync(a.id, connector.id);
    expect(done).toEqual(expect.objectContaining({ status: 'succeeded', error: null }));
    // One member added: the recreated entry got its old DN, which the group still listed (membership is by DN,
    // and this slapd has no refint overlay to drop it on the hand delete).
    expect(done.summary).toEqual({
      users: { created: 1, replaced: 1, deleted: 0 }, groups: { created: 0, replaced: 1, deleted: 0 }, members: { added: 1, removed: 1 },
    });
    const [restored] = await slapd.search(usersDn, `(uid=${lost.userName})`);
    expect(restored).toEqual(expect.objectContaining({ title: 'Engineer', mail: lost.userName }));
    expect((await slapd.search(usersDn, `(uid=${drifted.userName})`))[0].title).toBe('Engineer');
    expect(await memberDns(slapd, groupsDn, displayName)).toEqual([dnOf(lost), dnOf(drifted)].sort());
    // Not ours: the stranger's entry stays, only its membership in our group was undone.
    expect(await slapd.search(stranger, '(objectClass=*)')).toHaveLength(1);

    // A second resync finds nothing to create, add or remove.
    const again = await resync(a.id, connector.id);
    expect(again.summary).toEqual({
      users: { created: 0, replaced: 2, deleted: 0 }, groups: { created: 0, replaced: 1, deleted: 0 }, members: { added: 0, removed: 0 },
    });
  }, LONG);

  it('brings users that existed before the connector into the directory, and deletes what was deleted meanwhile', async () => {
    const { a, connector, usersDn } = await ldapConnector(t, slapd);
    const early = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body as ScimResource;
    await settled(t, a.id, connector.id, 1);
    await t.http.patch(`/admin/v1/tenants/${a.id}/connectors/${connector.id}`).auth(t.adminToken, admin).send({ enabled: false }).expect(200);
    await scim(t, a).delete(`/Users/${early.id}`).expect(204);
    const meanwhile = (await scim(t, a).post('/Users', buildScimUser()).expect(201)).body as ScimResource;
    await t.http.patch(`/admin/v1/tenants/${a.id}/connectors/${connector.id}`).auth(t.adminToken, admin).send({ enabled: true }).expect(200);

    const done = await resync(a.id, connector.id);
    expect(done.summary).toEqual({
      users: { created: 1, replaced: 0, deleted: 1 }, groups: { created: 0, replaced: 0, deleted: 0 }, members: { added: 0, removed: 0 },
    });
    expect(await slapd.search(usersDn, `(uid=${early.userName})`)).toEqual([]);
    expect(await slapd.search(usersDn, `(uid=${meanwhile.userName})`)).toHaveLength(1);
  }, LONG);
});
