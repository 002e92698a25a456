import { AuditEventFilters } from '../../libs/audit/src/query/audit-event-filters';
import { listQuery } from '../../libs/audit/src/query/list-query';
import { FIRST_SEQUENCE_FROM_SQL, LAST_SEQUENCE_BEFORE_SQL, sequenceRange } from '../../libs/audit/src/query/sequence-range';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditSealer } from './audit-test-helpers';
import { seedEvents } from './audit-seed';

/**
 * 200,000 by default to keep `npm test` short. docs/audit.md's figures come from
 * `AUDIT_INDEX_EVENTS=1000000 npx jest test/audit/audit-indexes`, which also prints each plan and the
 * response times of the matching HTTP requests.
 */
const EVENTS = Number(process.env.AUDIT_INDEX_EVENTS ?? 200_000);
const REPORT = process.env.AUDIT_INDEX_EVENTS !== undefined;

interface Plan {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: Plan[];
}

function nodes(plan: Plan): Plan[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * Ops queries stay index scans as the log grows: seeds EVENTS events in one tenant and checks each query
 * shape's plan (EXPLAIN ANALYZE) uses the intended index, never a sequential scan, and runs under 100 ms.
 */
describe('audit query plans', () => {
  let t: TestApp;
  let tenantId: string;
  let start: Date;
  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await createTenant(t)).id;
    await auditSealer(t).seal(tenantId, { wait: true }); // tenant.created gets its sequence and time
    const [head] = await t.dataSource.query(`SELECT last_occurred_at FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]);
    start = head.last_occurred_at;
    await seedEvents(t.dataSource, tenantId, EVENTS);
    // A second tenant's rows must not be what makes the first tenant's queries fast.
    await seedEvents(t.dataSource, (await createTenant(t)).id, 20_000);
  }, 900_000);
  afterAll(() => {
    if (REPORT) console.log(report.join('\n'));
    return t.close();
  });
  const report: string[] = [`audit query plans with ${EVENTS} events in the tenant`];

  /** In report mode: the plan as text and the median of 5 HTTP round trips for the same filters. */
  const describePlan = async (name: string, sql: string, params: unknown[], query?: Record<string, string>) => {
    if (!REPORT) return;
    const rows: Array<{ 'QUERY PLAN': string }> = await t.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    report.push(`\n### ${name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    if (!query) return;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      await t.http.get(`/admin/v1/tenants/${tenantId}/audit-events`).query(query).set(admin(t)).expect(200);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    report.push(`HTTP GET ?${new URLSearchParams(query).toString()}: median ${times.sort((x, y) => x - y)[2].toFixed(1)} ms`);
  };

  const explain = async (sql: string, params: unknown[]) => {
    const [row] = await t.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const [result] = row['QUERY PLAN'] as Array<{ Plan: Plan; 'Execution Time': number }>;
    const all = nodes(result.Plan);
    return {
      indexes: all.map((n) => n['Index Name']).filter(Boolean),
      seqScan: all.some((n) => n['Node Type'] === 'Seq Scan'),
      ms: result['Execution Time'],
    };
  };

  const at = (sequenceOffset: number) => new Date(start.getTime() + sequenceOffset * 10);

  const cases: Array<[string, AuditEventFilters, string | null]> = [
    ['by resource id', { resourceId: 'user-4242' }, 'audit_events_resource'],
    ['by a busy resource id', { resourceId: 'hot-7' }, 'audit_events_resource'],
    ['by userName, any case', { resourceName: 'USER4242@example.com' }, 'audit_events_resource_name'],
    ['by externalId', { externalId: 'ext-4242' }, 'audit_events_external_id'],
    ['by a rare action', { action: 'user.created' }, 'audit_events_action'],
    ['by a rare resource type', { resourceType: 'Tenant' }, 'audit_events_resource_type'],
    ['failures only', { outcome: 'failure' }, 'audit_events_failures'],
    ['by actor token', { actor: 'tok-1' }, null],
    ['newest events, no filter', {}, 'audit_events_sequence'],
  ];

  it.each(cases)('%s uses an index and answers under 100 ms', async (name, filters, index) => {
    const query = listQuery(tenantId, filters, { first: 0, last: Number.MAX_SAFE_INTEGER }, 50);
    const plan = await explain(query.sql, query.params);
    await describePlan(name, query.sql, query.params, httpQuery(filters));
    expect(plan.seqScan).toBe(false);
    if (index) expect(plan.indexes).toContain(index);
    expect(plan.ms).toBeLessThan(100);
  });

  it('turns a time range into a sequence range with two probes on audit_events_time, then walks the sequence index', async () => {
    for (const [sql, param] of [[FIRST_SEQUENCE_FROM_SQL, at(50_000)], [LAST_SEQUENCE_BEFORE_SQL, at(60_000)]] as const) {
      const probe = await explain(sql, [tenantId, param]);
      await describePlan(`time range probe: ${sql.includes('>=') ? 'first event from' : 'last event before'}`, sql, [tenantId, param]);
      expect(probe.indexes).toEqual(['audit_events_time']);
      expect(probe.ms).toBeLessThan(100);
    }
    const range = (await sequenceRange(t.dataSource.manager, tenantId, at(50_000), at(60_000)))!;
    expect(range.last - range.first).toBeGreaterThan(9_000);
    const page = listQuery(tenantId, {}, range, 50);
    const plan = await explain(page.sql, page.params);
    await describePlan('a time range (100 s, ~10,000 events), newest page', page.sql, page.params, { from: at(50_000).toISOString(), to: at(60_000).toISOString() });
    expect(plan.indexes).toEqual(['audit_events_sequence']);
    expect(plan.ms).toBeLessThan(100);
    const byResource = listQuery(tenantId, { resourceId: 'user-4242' }, range, 50);
    const filtered = await explain(byResource.sql, byResource.params);
    await describePlan('a resource within a time range', byResource.sql, byResource.params, { resourceId: 'user-4242', from: at(50_000).toISOString(), to: at(60_000).toISOString() });
    expect(filtered.seqScan).toBe(false);
    expect(filtered.ms).toBeLessThan(100);
  });
});

/** The list endpoint's query string for the same filters. */
function httpQuery(filters: AuditEventFilters): Record<string, string> {
  const query: Record<string, string> = { limit: '50' };
  for (const [key, value] of Object.entries(filters)) query[key === 'resourceName' ? 'userName' : key] = String(value);
  return query;
}
