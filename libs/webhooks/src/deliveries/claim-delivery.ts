import { Claim, claimRow, markDeadUnsent, OrderedRow, takeLease } from '@provisio/outbound';
import { EntityManager } from 'typeorm';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { logInterruptedAttempt } from './interrupted-attempt';

export type DeliveryClaim = Exclude<Claim, { kind: 'go' }> | { kind: 'go'; row: OrderedRow; url: string };

/**
 * May this job send the delivery now? The shared engine checks state, lease, due time and per-resource order;
 * here the endpoint must still exist and be enabled (a delivery to a disabled endpoint goes dead, replayable), and
 * an attempt a dead worker left unrecorded is logged first.
 */
export async function claimDelivery(tx: EntityManager, tenantId: string, deliveryId: string, leaseMs: number, now: Date): Promise<DeliveryClaim> {
  const claim = await claimRow(tx, WEBHOOK_DELIVERIES, tenantId, deliveryId, now);
  if (claim.kind !== 'go') return claim;
  const [endpoint]: { url: string; enabled: boolean }[] = await tx.query(
    `SELECT url, enabled FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`,
    [tenantId, claim.row.target_id],
  );
  if (!endpoint) return { kind: 'gone' };
  if (!endpoint.enabled) {
    return { kind: 'final', row: claim.row, successorId: await markDeadUnsent(tx, WEBHOOK_DELIVERIES, claim.row, 'endpoint disabled') };
  }
  const row = await logInterruptedAttempt(tx, claim.row, leaseMs);
  return { kind: 'go', row: await takeLease(tx, WEBHOOK_DELIVERIES, row, leaseMs, now), url: endpoint.url };
}
