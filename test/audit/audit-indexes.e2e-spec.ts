import { AuditEventFilters } from '../../libs/audit/src/query/audit-event-filters';
import { listQuery } from '../../libs/audit/src/query/list-query';
import { FIRST_SEQUENCE_FROM_SQL, LAST_SEQUENCE_BEFORE_SQL, sequenceRange } from '../../libs/audit/src/query/sequence-range';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { seedEvents } from './audit-seed';

const EVENTS = 200_000;

interface Plan {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: Plan[];
}

function nodes(plan: Plan): Plan[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * Ops queries stay index scans as the log grows: seeds 200,000 events in one tenant and checks each query
 * shape's plan (EXPLAIN ANALYZE) uses the intended index, never a sequential scan, and runs under 100 ms.
 * docs/audit.md has the timings measured by hand with 1,000,000 events.
 */
describe('audit query plans', () => {
  let t: TestApp;
  let tenantId: string;
  let start: Date;
  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await createTenant(t)).id;
    const [head] = await t.dataSource.query(`SELECT last_occurred_at FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]);
    start = head.last_occurred_at;
    await seedEvents(t.dataSource, tenantId, EVENTS);
    // A second tenant's rows must not be what makes the first tenant's queries fast.
    await seedEvents(t.dataSource, (await createTenant(t)).id, 20_000);
  }, 240_000);
  afterAll(() => t.close());

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
    ['newest events, no filter', {}, 'audit_events_pkey'],
  ];

  it.each(cases)('%s uses an index and answers under 100 ms', async (_name, filters, index) => {
    const query = listQuery(tenantId, filters, { first: 0, last: Number.MAX_SAFE_INTEGER }, 50);
    const plan = await explain(query.sql, query.params);
    expect(plan.seqScan).toBe(false);
    if (index) expect(plan.indexes).toContain(index);
    expect(plan.ms).toBeLessThan(100);
  });

  it('turns a time range into a sequence range with two probes on audit_events_time, then walks the primary key', async () => {
    for (const [sql, param] of [[FIRST_SEQUENCE_FROM_SQL, at(50_000)], [LAST_SEQUENCE_BEFORE_SQL, at(60_000)]] as const) {
      const probe = await explain(sql, [tenantId, param]);
      expect(probe.indexes).toEqual(['audit_events_time']);
      expect(probe.ms).toBeLessThan(100);
    }
    const range = (await sequenceRange(t.dataSource.manager, tenantId, at(50_000), at(60_000)))!;
    expect(range.last - range.first).toBeGreaterThan(9_000);
    const page = listQuery(tenantId, {}, range, 50);
    const plan = await explain(page.sql, page.params);
    expect(plan.indexes).toEqual(['audit_events_pkey']);
    expect(plan.ms).toBeLessThan(100);
    const byResource = listQuery(tenantId, { resourceId: 'user-4242' }, range, 50);
    const filtered = await explain(byResource.sql, byResource.params);
    expect(filtered.seqScan).toBe(false);
    expect(filtered.ms).toBeLessThan(100);
  });
});
