import type { INestApplicationContext } from '@nestjs/common';
import { ConnectorSyncSweeper, FINISHED_SYNC_RETENTION_DAYS } from '@provisio/connectors';
import { startTestWorker, waitFor } from '../events/support/test-worker';
import { buildScimUser, createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { scim } from '../scim/scim-test-client';
import { Answer, TestReceiver } from '../webhooks/support/receiver';
import { CONNECTOR_TEST_ENV, createConnector, settled } from './support/connector-helpers';

interface SyncRow { status: string; attempts: number; last_status_code: number | null; last_error: string | null }

/** A scripted third-party SCIM store: how the connector retries, gives up and reports. */
describe('SCIM push against a failing store', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let store: TestReceiver;

  beforeAll(async () => {
    t = await startTestApp(CONNECTOR_TEST_ENV);
    worker = await startTestWorker(t.config, []);
    store = await new TestReceiver().start();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await store?.stop();
  });

  const syncRows = (connectorId: string): Promise<SyncRow[]> =>
    t.dataSource.query(`SELECT status, attempts, last_status_code, last_error FROM connector_syncs WHERE connector_id = $1`, [connectorId]);

  it('retries 503 and 429 like webhooks, then links the id the store assigned', async () => {
    const tenant = await createTenant(t);
    const answers: Answer[] = [
      { status: 503, body: 'busy' },
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 201, body: JSON.stringify({ id: 'store-user-1' }), headers: { 'content-type': 'application/scim+json' } },
    ];
    store.on('/flaky/Users', (n) => answers[Math.min(n, answers.length) - 1]);
    const connector = await createConnector(t, tenant.id, { type: 'scim', baseUrl: store.url('/flaky'), token: 'store-secret-1' });
    const user = (await scim(t, tenant).post('/Users', buildScimUser()).expect(201)).body;

    const state = await settled(t, tenant.id, connector.id, 1);
    expect(state.sync).toEqual(expect.objectContaining({ succeeded: 1, dead: 0, mapped: { users: 1, groups: 0 } }));
    expect(await syncRows(connector.id)).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 3 })]);
    const requests = store.to('/flaky/Users');
    expect(requests).toHaveLength(3);
    expect(requests[0].headers.authorization).toBe('Bearer store-secret-1');
    expect(requests[0].headers['content-type']).toBe('application/scim+json');
    expect(JSON.parse(requests[0].body)).toEqual(expect.objectContaining({ userName: user.userName, externalId: user.id }));
    expect(JSON.parse(requests[0].body).id).toBeUndefined();
    const [mapping] = await t.dataSource.query(`SELECT local_id, remote_id FROM connector_id_map WHERE connector_id = $1`, [connector.id]);
    expect(mapping).toEqual({ local_id: user.id, remote_id: 'store-user-1' });
  });

  it('gives up at once on a 400, keeping the reason without echoing the token', async () => {
    const tenant = await createTenant(t);
    store.on('/strict/Users', () => ({ status: 400, body: JSON.stringify({ detail: 'nope: store-secret-2 is not welcome', scimType: 'invalidValue' }) }));
    const connector = await createConnector(t, tenant.id, { type: 'scim', baseUrl: store.url('/strict'), token: 'store-secret-2' });
    await scim(t, tenant).post('/Users', buildScimUser()).expect(201);

    const state = await settled(t, tenant.id, connector.id, 1);
    expect(state.sync).toEqual(expect.objectContaining({ dead: 1, succeeded: 0 }));
    expect(state.sync.lastError).toBe('POST /Users answered 400: nope: [token] is not welcome');
    expect(await syncRows(connector.id)).toEqual([expect.objectContaining({ status: 'dead', attempts: 1, last_status_code: 400 })]);
  });

  it('retries a store answering 502 until the retry window ends, then the sync is dead', async () => {
    const tenant = await createTenant(t);
    store.on('/down/Users', () => ({ status: 502 }));
    const connector = await createConnector(t, tenant.id, { type: 'scim', baseUrl: store.url('/down'), token: 'store-secret-3' });
    await scim(t, tenant).post('/Users', buildScimUser()).expect(201);
    await waitFor(async () => (await syncRows(connector.id))[0]?.status === 'dead', 15000, 'the sync to go dead');
    const [row] = await syncRows(connector.id);
    expect(row.attempts).toBeGreaterThan(2);
    expect(row.last_status_code).toBe(502);
  });

  it('purges finished syncs past their retention, never open ones', async () => {
    const tenant = await createTenant(t);
    store.on('/purge/Users', () => ({ status: 201, body: JSON.stringify({ id: 'store-user-p' }) }));
    const connector = await createConnector(t, tenant.id, { type: 'scim', baseUrl: store.url('/purge'), token: 'store-secret-4' });
    await scim(t, tenant).post('/Users', buildScimUser()).expect(201);
    await settled(t, tenant.id, connector.id, 1);
    const old = `now() - make_interval(days => ${FINISHED_SYNC_RETENTION_DAYS + 1})`;
    await t.dataSource.query(`UPDATE connector_syncs SET completed_at = ${old} WHERE connector_id = $1`, [connector.id]);
    // An open row as old as that stays: it is still owed to the store.
    await t.dataSource.query(
      `INSERT INTO connector_syncs (tenant_id, connector_id, event_id, event_type, event_sequence, resource_key, payload, created_at, next_attempt_at)
       VALUES ($1, $2, gen_random_uuid(), 'user.updated', 999999, 'User/x', '{}', ${old}, now() + interval '1 day')`,
      [tenant.id, connector.id],
    );
    const sweeper = worker.get(ConnectorSyncSweeper, { strict: false });
    while ((await sweeper.purgeFinished()) > 0);
    expect(await syncRows(connector.id)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
  });
});
