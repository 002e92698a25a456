import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import {
  DeliveryJobData, OrderedDeliveryAdapter, OrderedDeliveryRunner, OrderedRow, OutboundHttpClient, RETRY_SETTINGS, RetrySettings, RunOutcome,
  Settled, TargetCheck,
} from '@provisio/outbound';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { signWebhook } from '../signing/sign-webhook';
import { AttemptResult, RESPONSE_EXCERPT_BYTES, resultFromError, resultFromResponse } from './attempt-result';
import { WEBHOOK_DELIVERIES } from './delivery-row';
import { noteDeliveryOutcome } from './endpoint-health';
import { logInterruptedAttempt } from './interrupted-attempt';
import { WebhookDeliveryQueue } from './webhook-delivery-queue';

interface Endpoint {
  url: string;
}

/**
 * Webhooks as an adapter of libs/outbound's ordered-delivery runner: the target is an enabled endpoint, the
 * attempt is a signed POST, and each attempt is logged (webhook_delivery_attempts) with the endpoint's health,
 * which disables an endpoint after a run of dead deliveries.
 */
@Injectable()
export class WebhookDeliveryService implements OrderedDeliveryAdapter<Endpoint, AttemptResult> {
  readonly table = WEBHOOK_DELIVERIES;
  readonly leaseMs: number;
  private readonly logger = new Logger('WebhookDelivery');
  private readonly runner: OrderedDeliveryRunner<Endpoint, AttemptResult>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RETRY_SETTINGS) retry: RetrySettings,
    private readonly outbound: OutboundHttpClient,
    private readonly endpoints: WebhookEndpointsService,
    readonly queue: WebhookDeliveryQueue,
    private readonly audit: AuditWriter,
  ) {
    // Connect, headers and body timeouts can add up; the lease must outlive a request that uses all three.
    this.leaseMs = config.outboundTimeoutMs * 3 + 5000;
    this.runner = new OrderedDeliveryRunner(dataSource, this, retry);
  }

  /** One delivery job: claim, POST the signed event, record the attempt, schedule what comes next. */
  run(job: DeliveryJobData): Promise<RunOutcome> {
    return this.runner.run(job);
  }

  async target(tx: EntityManager, row: OrderedRow): Promise<TargetCheck<Endpoint>> {
    const [endpoint]: { url: string; enabled: boolean }[] = await tx.query(
      `SELECT url, enabled FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`,
      [row.tenant_id, row.target_id],
    );
    if (!endpoint) return { kind: 'gone' };
    return endpoint.enabled ? { kind: 'go', target: { url: endpoint.url } } : { kind: 'disabled', reason: 'endpoint disabled' };
  }

  beforeLease(tx: EntityManager, row: OrderedRow): Promise<OrderedRow> {
    return logInterruptedAttempt(tx, row, this.leaseMs);
  }

  async attempt(row: OrderedRow, endpoint: Endpoint): Promise<AttemptResult> {
    const startedAt = new Date();
    try {
      const secret = await this.endpoints.secretOf(row.tenant_id, row.target_id);
      const res = await this.outbound.send({
        method: 'POST',
        url: endpoint.url,
        headers: { 'content-type': 'application/json', 'user-agent': 'Provisio-Webhooks/1', ...signWebhook(secret, row.event_id, row.payload, startedAt) },
        body: row.payload,
        maxResponseBytes: RESPONSE_EXCERPT_BYTES,
      });
      return resultFromResponse(startedAt, res);
    } catch (error) {
      return resultFromError(startedAt, error);
    }
  }

  async recorded(tx: EntityManager, settled: Settled, result: AttemptResult): Promise<void> {
    const { tenant_id: tenantId, id, target_id: endpointId } = settled.row;
    await tx.query(
      `INSERT INTO webhook_delivery_attempts
         (tenant_id, delivery_id, attempt, started_at, status_code, latency_ms, outcome, error, response_excerpt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, id, settled.row.attempts, result.startedAt, result.statusCode, result.latencyMs, result.outcome, result.error, result.responseExcerpt],
    );
    const health = await noteDeliveryOutcome(tx, tenantId, endpointId, settled.status, this.config.webhookDisableAfterDeadDeliveries);
    if (!health?.disabledNow) return;
    // Reported where operators look for changes: the tenant's audit log, and the log.
    await this.audit.record(tx, {
      tenantId, action: 'webhook.disabled', resourceType: 'Webhook', resourceId: endpointId,
      summary: health.reason, actor: { type: 'system', job: 'webhook-delivery' },
    });
    this.logger.warn({ tenantId, webhookId: endpointId, reason: health.reason }, 'webhook endpoint disabled automatically');
  }
}
