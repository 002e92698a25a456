import { AddressInfo } from 'node:net';
import { request as httpGet } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditWriter } from './audit-test-helpers';
import { seedEvents } from './audit-seed';

const EVENTS = 100_000;

/** A handle on V8's collector, so the heap is measured as what is live, not what is not yet collected. */
function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

describe('audit export', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('streams 100,000 events as NDJSON in bounded memory: batches are fetched only as fast as the client reads', async () => {
    const tenant = await createTenant(t);
    let started = Date.now();
    await seedEvents(t.dataSource, tenant.id, EVENTS);
    console.log(`seeded ${EVENTS} events in ${Date.now() - started} ms`);
    // Counts the export's batch queries (a jest spy would keep every batch's rows alive in mock.results).
    let batches = 0;
    const query = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('sequence > $2 AND sequence <= $3')) batches++;
      return query(sql, params);
    }) as typeof t.dataSource.query;
    const exportBatches = () => batches;
    started = Date.now();

    const gc = exposeGc();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      httpGet({ port, host: '127.0.0.1', path: `/admin/v1/tenants/${tenant.id}/audit-events/export?format=ndjson`, headers: admin(t) }, resolve)
        .on('error', reject)
        .end();
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);

    // Read one chunk, then stop reading for a while: the server must stop fetching too (backpressure).
    await new Promise((resolve) => res.once('readable', resolve));
    res.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fetchedWhilePaused = exportBatches();
    expect(fetchedWhilePaused).toBeLessThan(10);

    let chunks = 0;
    let lines = 0;
    let tail = '';
    let firstSequence: number | undefined;
    let lastSequence = 0;
    for await (const chunk of res) {
      const text = tail + (chunk as Buffer).toString('utf8');
      const parts = text.split('\n');
      tail = parts.pop() ?? '';
      for (const line of parts) {
        const sequence = JSON.parse(line).sequence as number;
        firstSequence ??= sequence;
        if (lastSequence && sequence !== lastSequence + 1) throw new Error(`sequence ${sequence} follows ${lastSequence}`);
        lastSequence = sequence;
        lines++;
      }
      if (++chunks % 50 === 0) {
        gc();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
    }
    expect(tail).toBe('');
    expect(lines).toBe(EVENTS + 2); // plus tenant.created and token.created
    expect(firstSequence).toBe(1);
    expect(exportBatches()).toBe(Math.ceil(lines / 1000));
    t.dataSource.query = query;
    // Client and server share this process: live heap stays flat while ~45 MB of text go through it.
    const growthMb = (heapPeak - heapBefore) / 1e6;
    console.log(`export of ${lines} events in ${Date.now() - started} ms: peak heap growth ${growthMb.toFixed(1)} MB, paused after ${fetchedWhilePaused} batch(es)`);
    expect(growthMb).toBeLessThan(20);
  }, 120_000);

  it('stops fetching batches when the client goes away mid-export', async () => {
    const tenant = await createTenant(t);
    await seedEvents(t.dataSource, tenant.id, 30_000);
    let batches = 0;
    const query = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('sequence > $2 AND sequence <= $3')) batches++;
      return query(sql, params);
    }) as typeof t.dataSource.query;
    try {
      const req = httpGet({ port, host: '127.0.0.1', path: `/admin/v1/tenants/${tenant.id}/audit-events/export`, headers: admin(t) });
      const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject).end());
      await new Promise((resolve) => res.once('data', resolve));
      req.destroy();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const afterAbort = batches;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(batches).toBe(afterAbort);
      expect(batches).toBeLessThan(30); // all 30 would mean it kept reading after the client left
      // The API keeps answering.
      const again = await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events/verify`).set(admin(t));
      expect(again.status).toBe(200);
    } finally {
      t.dataSource.query = query;
    }
  }, 60_000);

  it('exports a time range as CSV with a header, and escapes spreadsheet formulas', async () => {
    const tenant = await createTenant(t);
    const from = new Date();
    await t.dataSource.transaction((tx) =>
      auditWriter(t).record(tx, { tenantId: tenant.id, action: 'user.created', resourceType: 'User', resourceId: 'u-1', resourceName: '=HYPERLINK("http://evil")', after: { userName: 'x' } }),
    );
    const res = await t.http
      .get(`/admin/v1/tenants/${tenant.id}/audit-events/export`)
      .query({ format: 'csv', from: from.toISOString() })
      .set(admin(t))
      .buffer(true)
      .parse((r, done) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => done(null, body));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = (res.body as string).trim().split('\n');
    expect(rows[0]).toMatch(/^sequence,id,occurredAt,action,/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`'=HYPERLINK`);
    expect(rows[1]).toContain('user.created');
  });

  it("answers 404 for an unknown tenant and 400 for an unknown format", async () => {
    const tenant = await createTenant(t);
    await t.http.get(`/admin/v1/tenants/00000000-0000-4000-8000-000000000000/audit-events/export`).set(admin(t)).expect(404);
    await t.http.get(`/admin/v1/tenants/${tenant.id}/audit-events/export`).query({ format: 'xml' }).set(admin(t)).expect(400);
  });
});
