import { Claim, claimRow, markDeadUnsent, OrderedRow, takeLease } from '@provisio/outbound';
import { EntityManager } from 'typeorm';
import { ConnectorType } from '../connectors/connector.entity';
import { ConnectorTarget } from './store-factory';
import { CONNECTOR_SYNCS } from './connector-queues';

export type SyncClaim = Exclude<Claim, { kind: 'go' }> | { kind: 'go'; row: OrderedRow; connector: ConnectorTarget };

/**
 * May this job apply the sync now? The shared engine checks state, lease, due time and per-resource order;
 * here the connector must still exist and be enabled (a sync for a disabled connector goes dead unsent; a
 * resync catches the store up once it is enabled again).
 */
export async function claimSync(tx: EntityManager, tenantId: string, syncId: string, leaseMs: number, now: Date): Promise<SyncClaim> {
  const claim = await claimRow(tx, CONNECTOR_SYNCS, tenantId, syncId, now);
  if (claim.kind !== 'go') return claim;
  const [connector]: { type: ConnectorType; base_url: string; enabled: boolean }[] = await tx.query(
    `SELECT type, base_url, enabled FROM connectors WHERE tenant_id = $1 AND id = $2`,
    [tenantId, claim.row.target_id],
  );
  if (!connector) return { kind: 'gone' };
  if (!connector.enabled) {
    return { kind: 'final', row: claim.row, successorId: await markDeadUnsent(tx, CONNECTOR_SYNCS, claim.row, 'connector disabled') };
  }
  return {
    kind: 'go',
    row: await takeLease(tx, CONNECTOR_SYNCS, claim.row, leaseMs, now),
    connector: { tenantId, id: claim.row.target_id, type: connector.type, baseUrl: connector.base_url },
  };
}
