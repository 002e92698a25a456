import { AUDIT_SEALING } from '@provisio/audit';
import { numberCommittedRows, underTenantCounter } from '@provisio/database';
import { DataSource } from 'typeorm';

/** Rows per INSERT: each statement stays well inside the pool's 30 s statement timeout, also on a loaded machine. */
const CHUNK = 25_000;

/**
 * Appends `count` synthetic events after a tenant's chain head with set-based INSERTs (generate_series), for
 * volume tests of queries and export. Their hashes are placeholders: these rows are not meant to verify.
 * Every 100th event is about resource `hot-<n % 50>`, every 1000th is a failure, the rest spread over 10,000 users.
 */
export async function seedEvents(db: DataSource, tenantId: string, count: number, spacingMs = 10): Promise<void> {
  // Seal the tenant's own events (tenant.created, ...) first, so the head exists and the seeded rows follow it.
  await underTenantCounter(db, AUDIT_SEALING.counterTable, tenantId, (qr, head) => numberCommittedRows(qr, AUDIT_SEALING, tenantId, head, 1_000_000), { wait: true });
  await db.transaction(async (tx) => {
    const [head] = await tx.query(`SELECT last_sequence, last_occurred_at FROM audit_chain_heads WHERE tenant_id = $1 FOR UPDATE`, [tenantId]);
    const base = Number(head.last_sequence);
    for (let done = 0; done < count; done += CHUNK) {
      await tx.query(
        `INSERT INTO audit_events (tenant_id, sequence, id, occurred_at, action, outcome, status, resource_type, resource_id, resource_name, external_id, actor, changes, hash)
       SELECT $1, $2::bigint + s, gen_random_uuid(), $3::timestamptz + s * make_interval(secs => $5::double precision / 1000),
         CASE WHEN s % 1000 = 0 THEN 'user.created' ELSE 'user.updated' END,
         CASE WHEN s % 1000 = 0 THEN 'failure' ELSE 'success' END,
         CASE WHEN s % 1000 = 0 THEN 409 END,
         'User',
         CASE WHEN s % 100 = 0 THEN 'hot-' || (s / 100 % 50) ELSE 'user-' || (s % 10000) END,
         'user' || (s % 10000) || '@example.com',
         'ext-' || (s % 10000),
         jsonb_build_object('type', 'token', 'tokenId', 'tok-' || (s % 3), 'tokenPrefix', 'scim_x', 'tokenKind', 'static'),
         '[{"path":"name.givenName","op":"replace","before":"Barbara","after":"Babs"}]'::jsonb,
         sha256(int8send(s))
       FROM generate_series($6::bigint + 1, $4::bigint) AS s`,
        [tenantId, base, head.last_occurred_at, Math.min(count, done + CHUNK), spacingMs, done],
      );
    }
    await tx.query(
      `UPDATE audit_chain_heads SET last_sequence = $2, last_occurred_at = $3::timestamptz + $5 * make_interval(secs => $4::double precision / 1000) WHERE tenant_id = $1`,
      [tenantId, base + count, head.last_occurred_at, spacingMs, count],
    );
  });
  await db.query(`ANALYZE audit_events`);
}
