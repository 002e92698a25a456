import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { createApiApp } from '../../apps/api/create-api-app';
import { checkDeliveries, directorySnapshot, Query, ReceivedEvent } from '../../bench/replicas/check-replicas';
import { runMixedLoad } from '../../bench/replicas/mixed-load';
import { ScimClient } from '../../bench/http/scim-client';
import { CONNECTOR_TEST_ENV, createConnector, settled } from '../connectors/support/connector-helpers';
import { createTenant, TestTenant, uniqueName } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { TestReceiver } from '../webhooks/support/receiver';
import { createWebhook } from '../webhooks/support/webhook-helpers';
import { startTestWorker, waitFor } from './support/test-worker';

async function listenOn(app: INestApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
}

/**
 * Two API replicas and two workers on one Postgres and one Redis (in-process Nest apps), mixed SCIM load spread
 * over both APIs, a webhook receiver and a SCIM push connector into a second tenant. The full-size run of the same
 * load is the `replicas` bench scenario.
 */
describe('two APIs and two workers on one database and Redis', () => {
  let t: TestApp;
  let secondApi: INestApplication;
  const workers: INestApplicationContext[] = [];
  const clients: ScimClient[] = [];
  let receiver: TestReceiver;
  let source: TestTenant;
  let target: TestTenant;
  const query: Query = (sql, params) => t.dataSource.query(sql, params);
  // Error lines of both APIs, shown if a request fails (a 500 carries only an error id).
  const errorLogs: string[] = [];
  const logs = { write: (line: string) => errorLogs.push(line) };

  beforeAll(async () => {
    t = await startTestApp({ ...CONNECTOR_TEST_ENV, DELIVERY_MAX_AGE_SECONDS: '120', LOG_LEVEL: 'error' }, logs);
    secondApi = await createApiApp(t.config, logs);
    await secondApi.init();
    for (let i = 0; i < 2; i++) workers.push(await startTestWorker(t.config, []));
    receiver = await new TestReceiver().start();
    source = await createTenant(t);
    target = await createTenant(t);
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const worker of workers) await worker.close();
    await secondApi?.close();
    await receiver?.stop();
    await t?.close();
  });

  it('loses and reorders nothing: every event at the receiver in per-resource order, chain intact, connector target equal to the source', async () => {
    const baseUrls = [await listenOn(t.app), await listenOn(secondApi)];
    await createWebhook(t, source.id, { url: receiver.url('/replicas') });
    const connector = await createConnector(t, source.id, { type: 'scim', baseUrl: baseUrls[1], token: target.token });
    clients.push(...baseUrls.map((url) => new ScimClient(url, source.token, 4)));

    const load = await runMixedLoad(clients, { users: 30, groups: 4, membersPerGroup: 8, concurrency: 8, maxSeconds: 60, prefix: uniqueName('rep') });
    expect({ errors: load.errors, logs: errorLogs }).toEqual({ errors: [], logs: [] });

    const firstArrivals = (): ReceivedEvent[] => {
      const seen = new Map<string, ReceivedEvent>();
      for (const req of receiver.to('/replicas')) {
        const id = req.headers['webhook-id'] as string;
        if (!seen.has(id)) seen.set(id, JSON.parse(req.body) as ReceivedEvent);
      }
      return [...seen.values()];
    };
    const [{ n: committed }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_events WHERE tenant_id = $1`, [source.id]);
    await waitFor(() => firstArrivals().length >= committed, 60000, `${committed} events at the receiver`);
    const deliveries = await checkDeliveries(query, source.id, firstArrivals());
    expect(deliveries).toEqual({ committed, delivered: committed, lost: 0, reordered: 0 });

    await settled(t, source.id, connector.id, committed);
    const dead = await query(`SELECT event_type, last_status_code, last_error FROM connector_syncs WHERE tenant_id = $1 AND status = 'dead'`, [source.id]);
    expect(dead).toEqual([]);
    expect(await directorySnapshot(query, target.id)).toEqual(await directorySnapshot(query, source.id));

    const verify = await t.http.get(`/admin/v1/tenants/${source.id}/audit-events/verify`).auth(t.adminToken, { type: 'bearer' }).expect(200);
    expect(verify.body).toEqual(expect.objectContaining({ ok: true }));
  }, 120000);
});
