import { EntityManager } from 'typeorm';
import { DeliveryStatus } from './delivery-row';

export interface EndpointHealth {
  consecutiveDead: number;
  /** True when this outcome just disabled the endpoint. */
  disabledNow: boolean;
  reason?: string;
}

/**
 * Tracks an endpoint's run of dead deliveries. A delivery is dead only after its whole retry window
 * (a day by default) of failures, so `disableAfterDead` dead deliveries in a row, with no success between
 * them, means the receiver has been failing for a long stretch: it is disabled rather than retried forever.
 */
export async function noteDeliveryOutcome(
  tx: EntityManager,
  tenantId: string,
  endpointId: string,
  status: DeliveryStatus,
  disableAfterDead: number,
): Promise<EndpointHealth | undefined> {
  if (status === 'succeeded') {
    await tx.query(
      `UPDATE webhook_endpoints SET consecutive_dead = 0, last_success_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, endpointId],
    );
    return undefined;
  }
  if (status === 'failed') {
    await tx.query(`UPDATE webhook_endpoints SET last_failure_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, endpointId]);
    return undefined;
  }
  const [endpoint]: { enabled: boolean; consecutive_dead: number }[] = await tx.query(
    `SELECT enabled, consecutive_dead FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tenantId, endpointId],
  );
  if (!endpoint) return undefined;
  const consecutiveDead = endpoint.consecutive_dead + 1;
  const disabledNow = endpoint.enabled && consecutiveDead >= disableAfterDead;
  const reason = `${consecutiveDead} consecutive deliveries dead`;
  await tx.query(
    `UPDATE webhook_endpoints SET consecutive_dead = $3, last_failure_at = now()${disabledNow
      ? ', enabled = false, disabled_at = now(), disabled_reason = $4' : ''}
      WHERE tenant_id = $1 AND id = $2`,
    disabledNow ? [tenantId, endpointId, consecutiveDead, reason] : [tenantId, endpointId, consecutiveDead],
  );
  return { consecutiveDead, disabledNow, reason: disabledNow ? reason : undefined };
}
