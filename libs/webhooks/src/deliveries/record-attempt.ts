import { RetrySettings, Settled, settleAttempt } from '@provisio/outbound';
import { EntityManager } from 'typeorm';
import { AttemptResult } from './attempt-result';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { EndpointHealth, noteDeliveryOutcome } from './endpoint-health';

export interface Recorded extends Settled {
  health?: EndpointHealth;
}

/** Moves the delivery on (succeeded, failed with a next attempt, or dead), logs the attempt and the endpoint's health. */
export async function recordAttempt(
  tx: EntityManager,
  tenantId: string,
  deliveryId: string,
  result: AttemptResult,
  settings: RetrySettings & { disableAfterDead: number },
): Promise<Recorded | undefined> {
  const settled = await settleAttempt(tx, WEBHOOK_DELIVERIES, tenantId, deliveryId, result, settings);
  if (!settled) return undefined;
  await tx.query(
    `INSERT INTO webhook_delivery_attempts
       (tenant_id, delivery_id, attempt, started_at, status_code, latency_ms, outcome, error, response_excerpt)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [tenantId, deliveryId, settled.row.attempts, result.startedAt, result.statusCode, result.latencyMs, result.outcome, result.error, result.responseExcerpt],
  );
  const health = await noteDeliveryOutcome(tx, tenantId, settled.row.target_id, settled.status, settings.disableAfterDead);
  return { ...settled, health };
}
