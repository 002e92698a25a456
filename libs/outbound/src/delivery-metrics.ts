import type { Counter, Histogram } from '@opentelemetry/api';
import { provisioMeter, withTenant } from '@provisio/observability';

/** Which outbound path a delivery took: a signed webhook POST or a downstream connector call. */
export type DeliveryKind = 'webhook' | 'connector';

/** Commit → accepted takes milliseconds when all is well, and up to the retry window when a receiver is down. */
const LAG_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400];

/**
 * provisio_deliveries_total{kind,outcome} counts attempts by how they ended; provisio_delivery_lag_seconds{kind}
 * is, for each delivery a receiver accepted, the time since the change committed (the event's occurredAt).
 * One instance per process, shared by the webhook and connector adapters of the ordered-delivery runner.
 */
export class DeliveryMetrics {
  private readonly attempts: Counter;
  private readonly lag: Histogram;

  constructor(private readonly tenantLabels: boolean) {
    const meter = provisioMeter();
    this.attempts = meter.createCounter('provisio_deliveries', {
      description: 'Webhook and connector delivery attempts by kind and outcome',
    });
    this.lag = meter.createHistogram('provisio_delivery_lag_seconds', {
      description: 'Seconds from the change’s commit to the receiver accepting its delivery',
      unit: 's',
      advice: { explicitBucketBoundaries: LAG_BUCKETS_SECONDS },
    });
  }

  attempted(kind: DeliveryKind, outcome: string, tenantId: string): void {
    this.attempts.add(1, withTenant({ kind, outcome }, tenantId, this.tenantLabels));
  }

  /** `payload` is the event envelope the row carries; its occurredAt is when the change committed. */
  accepted(kind: DeliveryKind, payload: string, tenantId: string, now = Date.now()): void {
    const occurredAt = Date.parse((JSON.parse(payload) as { occurredAt?: string }).occurredAt ?? '');
    if (Number.isNaN(occurredAt)) return;
    this.lag.record(Math.max(0, (now - occurredAt) / 1000), withTenant({ kind }, tenantId, this.tenantLabels));
  }
}
