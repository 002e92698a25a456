import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';

export interface WebhookStats {
  webhookId: string;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveDead: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Deliveries by status, all time (until the endpoint is deleted). */
  deliveries: { pending: number; failed: number; succeeded: number; dead: number };
  /** When the oldest delivery still waiting or retrying was created: how far behind the receiver is. */
  oldestOpenAt: string | null;
  /** Attempts of the last 24 hours. */
  last24h: { attempts: number; succeeded: number; failed: number; p50LatencyMs: number | null; p95LatencyMs: number | null };
}

/** Delivery health of one endpoint, for operators and the ops endpoints' links. */
@Injectable()
export class WebhookStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointsService,
  ) {}

  async stats(tenantId: string, webhookId: string): Promise<WebhookStats> {
    const endpoint = await this.endpoints.get(tenantId, webhookId);
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE status = 'dead')::int AS dead,
              min(created_at) FILTER (WHERE status IN ('pending', 'failed')) AS oldest_open
         FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2`,
      [tenantId, webhookId],
    );
    const [recent] = await this.dataSource.query(
      `SELECT count(*)::int AS attempts,
              count(*) FILTER (WHERE a.outcome = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE a.outcome <> 'succeeded')::int AS failed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY a.latency_ms) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY a.latency_ms) AS p95
         FROM webhook_delivery_attempts a
         JOIN webhook_deliveries d ON d.tenant_id = a.tenant_id AND d.id = a.delivery_id
        WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND a.started_at > now() - interval '24 hours'`,
      [tenantId, webhookId],
    );
    return {
      webhookId,
      enabled: endpoint.enabled,
      disabledReason: endpoint.disabledReason,
      consecutiveDead: endpoint.consecutiveDead,
      lastSuccessAt: endpoint.lastSuccessAt?.toISOString() ?? null,
      lastFailureAt: endpoint.lastFailureAt?.toISOString() ?? null,
      deliveries: { pending: counts.pending, failed: counts.failed, succeeded: counts.succeeded, dead: counts.dead },
      oldestOpenAt: counts.oldest_open?.toISOString() ?? null,
      last24h: {
        attempts: recent.attempts,
        succeeded: recent.succeeded,
        failed: recent.failed,
        p50LatencyMs: recent.p50 === null ? null : Math.round(recent.p50),
        p95LatencyMs: recent.p95 === null ? null : Math.round(recent.p95),
      },
    };
  }
}
