import { Attributes, Meter, metrics } from '@opentelemetry/api';

/**
 * Provisio's own instruments. Names are already in Prometheus form (the exporter adds `_total` to counters and
 * nothing else), so the names in docs/operations.md and the dashboard are the names in code.
 */
export function provisioMeter(): Meter {
  return metrics.getMeter('provisio');
}

/**
 * The `tenant` label, only when METRICS_TENANT_LABELS=true: one series per tenant multiplies every metric by
 * the number of tenants, which a shared Prometheus may not afford (docs/operations.md).
 */
export function withTenant(attributes: Attributes, tenantId: string | undefined, tenantLabels: boolean): Attributes {
  return tenantLabels && tenantId ? { ...attributes, tenant: tenantId } : attributes;
}
