import { writeFileSync } from 'node:fs';
import { buildScimUser, createTenant, TestTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

interface Envelope {
  id: string;
  type: string;
  tenantId: string;
  occurredAt: string;
  sequence: number;
  data: { resourceType: string; id: string; externalId: string | null; resource: Record<string, unknown> | null; members?: { value: string; type: string }[] };
}

/**
 * Every event type, produced by real SCIM requests (Bulk included), read back through the pull API: one event per
 * logical change, in commit order, in the envelope docs/events.md documents. Set EVENTS_CATALOGUE_OUT=<file> to
 * write the envelopes out (how the examples in docs/events.md were produced).
 */
describe('event catalogue: every event type from SCIM writes, through the pull API', () => {
  let t: TestApp;
  let tenant: TestTenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const scim = (method: 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const req = t.http[method](`/scim/v2${path}`).auth(tenant.token, { type: 'bearer' }).set('Content-Type', 'application/scim+json');
    return body ? req.send(JSON.stringify(body)) : req;
  };
  const patch = (path: string, operations: object[]) => scim('patch', path, { schemas: [PATCH_OP], Operations: operations });

  it('writes one event per logical change with the documented envelope', async () => {
    const user = (await scim('post', '/Users', buildScimUser({ userName: 'bjensen@example.com', externalId: 'bjensen' })).expect(201)).body;
    await patch(`/Users/${user.id}`, [{ op: 'replace', path: 'title', value: 'Tour Guide' }]).expect(200);
    await patch(`/Users/${user.id}`, [{ op: 'replace', path: 'active', value: false }]).expect(200);
    await patch(`/Users/${user.id}`, [{ op: 'replace', path: 'active', value: true }]).expect(200);
    const group = (await scim('post', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Tour Guides', externalId: 'tour-guides' }).expect(201)).body;
    await patch(`/Groups/${group.id}`, [{ op: 'add', path: 'members', value: [{ value: user.id }] }]).expect((res) => expect([200, 204]).toContain(res.status));
    await patch(`/Groups/${group.id}`, [{ op: 'replace', path: 'displayName', value: 'Senior Tour Guides' }]).expect((res) => expect([200, 204]).toContain(res.status));
    await patch(`/Groups/${group.id}`, [{ op: 'remove', path: `members[value eq "${user.id}"]` }]).expect((res) => expect([200, 204]).toContain(res.status));
    await scim('delete', `/Groups/${group.id}`).expect(204);
    await scim('delete', `/Users/${user.id}`).expect(204);
    // Bulk: one event per operation, each in its own transaction.
    const bulk = await scim('post', '/Bulk', {
      schemas: [BULK_REQUEST],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'a', data: buildScimUser() },
        { method: 'PATCH', path: '/Users/bulkId:a', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Eng' }] } },
        { method: 'DELETE', path: '/Users/bulkId:a' },
      ],
    }).expect(200);
    const bulkUserId = (bulk.body.Operations[0].location as string).split('/').pop();

    const page = await t.http.get(`/admin/v1/tenants/${tenant.id}/events`).query({ after: 0 }).auth(t.adminToken, { type: 'bearer' }).expect(200);
    const events = page.body.items as Envelope[];
    if (process.env.EVENTS_CATALOGUE_OUT) writeFileSync(process.env.EVENTS_CATALOGUE_OUT, JSON.stringify(events, null, 2));

    expect(events.map((e) => [e.type, e.data.id])).toEqual([
      ['user.created', user.id], ['user.updated', user.id], ['user.deactivated', user.id], ['user.reactivated', user.id],
      ['group.created', group.id], ['group.members.added', group.id], ['group.updated', group.id], ['group.members.removed', group.id],
      ['group.deleted', group.id], ['user.deleted', user.id],
      ['user.created', bulkUserId], ['user.updated', bulkUserId], ['user.deleted', bulkUserId],
    ]);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    for (const event of events) {
      expect(event).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: event.type, tenantId: tenant.id, occurredAt: expect.stringMatching(/Z$/),
        sequence: event.sequence, data: expect.objectContaining({ resourceType: event.type.startsWith('user') ? 'User' : 'Group', id: event.data.id }),
      });
      // Deletes carry no resource; membership events carry the members that changed instead of the whole group.
      const memberEvent = event.type.startsWith('group.members.');
      expect(event.data.resource === null).toBe(event.type.endsWith('.deleted') || memberEvent);
      expect(event.data.members !== undefined).toBe(memberEvent);
    }
    const [created, , deactivated, reactivated] = events;
    expect(created.data).toEqual(expect.objectContaining({ externalId: 'bjensen', resource: expect.objectContaining({ id: user.id, userName: 'bjensen@example.com', active: true }) }));
    expect(deactivated.data.resource).toEqual(expect.objectContaining({ active: false }));
    expect(reactivated.data.resource).toEqual(expect.objectContaining({ active: true }));
    expect(events[5].data.members).toEqual([{ value: user.id, type: 'User' }]);
    expect(events[7].data.members).toEqual([{ value: user.id, type: 'User' }]);
  });
});
