import { createPublicKey, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { chainHash, GENESIS_HASH } from '../../libs/audit/src/chain/chain-hash';
import { serializeContent } from '../../libs/audit/src/chain/event-content';
import { contentOf } from '../../libs/audit/src/query/audit-event-row';
import { purgeTenantEvents } from '../../libs/audit/src/retention/purge-tenant-events';
import { createTenant } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';
import { admin, auditSealer, auditWriter, storedEvents } from './audit-test-helpers';

interface Checkpoint {
  tenantId: string;
  sequence: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
  payload: string;
}

/** Signed checkpoints (docs/audit.md, "Signed checkpoints"): listed with the public key, checked by POST …/verify. */
describe('audit checkpoints', () => {
  let t: TestApp;
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  beforeAll(async () => {
    // A checkpoint on every sealing pass, so each test controls when one is signed.
    t = await startTestApp({ AUDIT_SIGNING_KEY: signingKey, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' });
  });
  afterAll(() => t.close());

  const base = (tenantId: string) => `/admin/v1/tenants/${tenantId}/audit-events`;
  const record = (tenantId: string, n: number) =>
    t.dataSource.transaction((tx) => auditWriter(t).record(tx, { tenantId, action: 'user.updated', resourceType: 'User', resourceId: `u-${n}`, after: { n } }));
  const checkpoints = async (tenantId: string) => (await t.http.get(`${base(tenantId)}/checkpoints`).set(admin(t)).expect(200)).body;
  const verifyAgainst = async (tenantId: string, checkpoint: object) =>
    (await t.http.post(`${base(tenantId)}/verify`).set(admin(t)).send({ checkpoint }).expect(200)).body;
  const verify = async (tenantId: string) => (await t.http.get(`${base(tenantId)}/verify`).set(admin(t)).expect(200)).body;

  /** A tenant with n events, all sealed, and the checkpoint signed for its head. */
  const tenantWithCheckpoint = async (n: number) => {
    const tenant = await createTenant(t);
    for (let i = 1; i <= n; i++) await record(tenant.id, i);
    await storedEvents(t, tenant.id); // seals, and signs the head
    const [newest] = (await checkpoints(tenant.id)).items as Checkpoint[];
    return { tenant, checkpoint: newest };
  };

  /** What someone with write access to the database can do: rewrite events from `from` on, with valid hashes and head. */
  const rewriteChainFrom = async (tenantId: string, from: number) => {
    const events = await storedEvents(t, tenantId);
    let previous = from > 1 ? events[from - 2].hash : GENESIS_HASH;
    for (const event of events.slice(from - 1)) {
      const edited = event.sequence === String(from) ? { ...event, resource_name: 'rewritten' } : event;
      const hash = chainHash(edited.sequence, edited.occurred_at.getTime(), serializeContent(contentOf(edited)), previous);
      await t.dataSource.query(`UPDATE audit_events SET resource_name = $3, hash = $4 WHERE tenant_id = $1 AND id = $2`, [tenantId, edited.id, edited.resource_name, hash]);
      previous = hash;
    }
    await t.dataSource.query(`UPDATE audit_chain_heads SET last_hash = $2 WHERE tenant_id = $1`, [tenantId, previous]);
  };

  it('signs the chain head; the signature checks offline with the listed public key over the listed payload', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(3);
    const page = await checkpoints(tenant.id);
    expect(page).toMatchObject({ algorithm: 'Ed25519', keyId: checkpoint.keyId });
    expect(page.publicKey).toBe(createPublicKey(signingKey).export({ type: 'spki', format: 'pem' }));
    const head = await verify(tenant.id);
    expect(checkpoint).toMatchObject({ tenantId: tenant.id, sequence: head.headSequence, hash: head.headHash });
    expect(checkpoint.payload).toBe(
      `provisio-audit-checkpoint-v1\ntenantId=${tenant.id}\nsequence=${checkpoint.sequence}\nhash=${checkpoint.hash}\nsignedAt=${checkpoint.signedAt}`,
    );
    expect(verifySignature(null, Buffer.from(checkpoint.payload), createPublicKey(page.publicKey), Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
    expect(head).toMatchObject({ ok: true, checkpoint: { source: 'stored', sequence: checkpoint.sequence, ok: true } });
  });

  it('proves the chain still extends a held checkpoint as the log grows', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(2);
    for (let i = 3; i <= 5; i++) await record(tenant.id, i);
    const result = await verifyAgainst(tenant.id, checkpoint);
    expect(result).toMatchObject({ ok: true, pending: 0, checkpoint: { source: 'given', sequence: checkpoint.sequence, ok: true } });
    expect(result.headSequence).toBe(checkpoint.sequence + 3);
  });

  it('catches a chain rewritten with valid hashes and head: against a held checkpoint, and against the stored one', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(4);
    await rewriteChainFrom(tenant.id, checkpoint.sequence - 2);
    // The stored checkpoint still names the old hash.
    expect(await verify(tenant.id)).toMatchObject({ ok: false, firstBrokenEventId: null, checkpoint: { source: 'stored', ok: false } });
    // The forger also deletes the stored checkpoints: the chain alone now looks intact ...
    await t.dataSource.query(`DELETE FROM audit_checkpoints WHERE tenant_id = $1`, [tenant.id]);
    expect(await verify(tenant.id)).toMatchObject({ ok: true });
    // ... but not against the checkpoint kept elsewhere.
    const result = await verifyAgainst(tenant.id, checkpoint);
    expect(result).toMatchObject({ ok: false, firstBrokenEventId: null, checkpoint: { source: 'given', ok: false } });
    expect(result.checkpoint.reason).toContain(`another hash at sequence ${checkpoint.sequence}`);
    expect(result.reason).toContain('rewritten after the checkpoint was signed');
  });

  it('catches a chain cut back before the checkpoint, head moved along', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(3);
    const events = await storedEvents(t, tenant.id);
    const keep = events[events.length - 3];
    await t.dataSource.query(`DELETE FROM audit_events WHERE tenant_id = $1 AND sequence > $2`, [tenant.id, keep.sequence]);
    await t.dataSource.query(`DELETE FROM audit_checkpoints WHERE tenant_id = $1`, [tenant.id]);
    await t.dataSource.query(`UPDATE audit_chain_heads SET last_sequence = $2, last_hash = $3, checkpoint_sequence = 0 WHERE tenant_id = $1`, [tenant.id, keep.sequence, keep.hash]);
    const result = await verifyAgainst(tenant.id, checkpoint);
    expect(result).toMatchObject({ ok: false, checkpoint: { ok: false } });
    expect(result.checkpoint.reason).toContain(`the chain ends at sequence ${keep.sequence}`);
  });

  it('refuses a forged or edited checkpoint, one signed by another key and one of another tenant', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(2);
    const other = await tenantWithCheckpoint(1);
    const edited = await verifyAgainst(tenant.id, { ...checkpoint, sequence: checkpoint.sequence - 1 });
    expect(edited).toMatchObject({ ok: false, checkpoint: { ok: false } });
    expect(edited.checkpoint.reason).toContain('signature does not verify');
    const forgedHash = await verifyAgainst(tenant.id, { ...checkpoint, hash: 'ab'.repeat(32) });
    expect(forgedHash.checkpoint.reason).toContain('signature does not verify');
    const otherKey = await verifyAgainst(tenant.id, { ...checkpoint, keyId: '0123456789abcdef' });
    expect(otherKey.checkpoint.reason).toContain('signed by key 0123456789abcdef');
    const otherTenant = await verifyAgainst(tenant.id, other.checkpoint);
    expect(otherTenant.checkpoint.reason).toContain(`for tenant ${other.tenant.id}`);
    // The chain itself is fine in all these cases; only the checkpoint fails.
    expect(otherTenant.firstBrokenEventId).toBeNull();
  });

  it('says a checkpoint before the retention anchor cannot be checked, and one at the anchor still can', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(2);
    for (let i = 3; i <= 4; i++) await record(tenant.id, i);
    await storedEvents(t, tenant.id);
    await t.dataSource.query(`UPDATE audit_events SET occurred_at = occurred_at - interval '400 days' WHERE tenant_id = $1 AND sequence <= $2`, [tenant.id, checkpoint.sequence]);
    await purgeTenantEvents(t.dataSource, tenant.id, new Date(Date.now() - 365 * 86_400_000));
    const atAnchor = await verifyAgainst(tenant.id, checkpoint);
    expect(atAnchor).toMatchObject({ ok: true, checkpoint: { ok: true } });
    await t.dataSource.query(`UPDATE audit_events SET occurred_at = occurred_at - interval '400 days' WHERE tenant_id = $1 AND sequence <= $2`, [tenant.id, checkpoint.sequence + 1]);
    await purgeTenantEvents(t.dataSource, tenant.id, new Date(Date.now() - 365 * 86_400_000));
    const beforeAnchor = await verifyAgainst(tenant.id, checkpoint);
    expect(beforeAnchor).toMatchObject({ ok: false, firstBrokenEventId: null, checkpoint: { ok: false } });
    expect(beforeAnchor.checkpoint.reason).toContain('precedes the retention anchor');
  });

  it('signs at most one checkpoint per interval while the chain grows', async () => {
    const tenant = await createTenant(t);
    const sealer = auditSealer(t);
    sealer.checkpointIntervalMs = 60_000;
    try {
      for (let i = 1; i <= 3; i++) {
        await record(tenant.id, i);
        await sealer.seal(tenant.id, { wait: true });
      }
      const page = await checkpoints(tenant.id);
      expect(page.items).toHaveLength(1);
    } finally {
      sealer.checkpointIntervalMs = 0;
    }
  });

  it('answers 400 for a malformed checkpoint and 404 for an unknown tenant', async () => {
    const { tenant, checkpoint } = await tenantWithCheckpoint(1);
    for (const bad of [{}, { ...checkpoint, hash: 'xyz' }, { ...checkpoint, signature: '***' }, { ...checkpoint, sequence: 0 }, { ...checkpoint, extra: 1 }]) {
      await t.http.post(`${base(tenant.id)}/verify`).set(admin(t)).send({ checkpoint: bad }).expect(400);
    }
    await t.http.post(`${base(tenant.id)}/verify`).set(admin(t)).send({}).expect(400);
    await t.http.get(`${base('00000000-0000-4000-8000-000000000000')}/checkpoints`).set(admin(t)).expect(404);
    await t.http.post(`${base('00000000-0000-4000-8000-000000000000')}/verify`).set(admin(t)).send({ checkpoint }).expect(404);
    await t.http.get(`${base(tenant.id)}/checkpoints?cursor=abc`).set(admin(t)).expect(400);
  });
});
