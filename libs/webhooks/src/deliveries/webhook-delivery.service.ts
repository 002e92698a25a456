import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { APP_CONFIG, AppConfig } from '@provisio/config';
import { DeliveryJob, DeliveryJobData, OutboundHttpClient, RETRY_SETTINGS, RetrySettings } from '@provisio/outbound';
import { DataSource } from 'typeorm';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { signWebhook } from '../signing/sign-webhook';
import { AttemptResult, RESPONSE_EXCERPT_BYTES, resultFromError, resultFromResponse } from './attempt-result';
import { claimDelivery, DeliveryClaim } from './claim-delivery';
import { DeliveryRow } from './delivery-row';
import { recordAttempt, Recorded } from './record-attempt';
import { deliveryJobId, WebhookDeliveryQueue } from './webhook-delivery-queue';

/** Another job holds the lease on this delivery; BullMQ retries this job after the lease. */
export class DeliveryBusyError extends Error {
  constructor(deliveryId: string) {
    super(`Delivery ${deliveryId} is being attempted by another job`);
  }
}

/** Runs one delivery job: claim the row, POST the signed event, record the attempt, schedule what comes next. */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly leaseMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RETRY_SETTINGS) private readonly retry: RetrySettings,
    private readonly outbound: OutboundHttpClient,
    private readonly endpoints: WebhookEndpointsService,
    private readonly queue: WebhookDeliveryQueue,
    private readonly audit: AuditWriter,
  ) {
    // Connect, headers and body timeouts can add up; the lease must outlive a request that uses all three.
    this.leaseMs = config.outboundTimeoutMs * 3 + 5000;
  }

  async run({ tenantId, deliveryId }: DeliveryJobData): Promise<DeliveryClaim['kind'] | Recorded['status']> {
    const claim = await this.dataSource.transaction((tx) => claimDelivery(tx, tenantId, deliveryId, this.leaseMs, new Date()));
    if (claim.kind === 'busy') throw new DeliveryBusyError(deliveryId);
    if (claim.kind === 'final') await this.wake(claim.row, claim.successorId);
    if (claim.kind !== 'go') return claim.kind;

    const result = await this.send(claim.row, claim.url);
    const settings = { ...this.retry, disableAfterDead: this.config.webhookDisableAfterDeadDeliveries };
    const recorded = await this.dataSource.transaction(async (tx) => {
      const outcome = await recordAttempt(tx, tenantId, deliveryId, result, settings);
      if (outcome?.health?.disabledNow) {
        // Reported where operators look for changes: the tenant's audit log (and the log line below).
        await this.audit.record(tx, {
          tenantId, action: 'webhook.disabled', resourceType: 'Webhook', resourceId: outcome.row.target_id,
          summary: outcome.health.reason, actor: { type: 'system', job: 'webhook-delivery' },
        });
      }
      return outcome;
    });
    if (!recorded) return 'gone';
    if (recorded.health?.disabledNow) {
      this.logger.warn({ tenantId, webhookId: claim.row.target_id, reason: recorded.health.reason }, 'webhook endpoint disabled automatically');
    }
    if (recorded.retryInMs !== undefined) {
      await this.queue.add([{ data: { tenantId, deliveryId }, jobId: deliveryJobId.attempt(deliveryId, recorded.row.attempts), delayMs: recorded.retryInMs }]);
    } else {
      await this.wake(recorded.row, recorded.successorId);
    }
    return recorded.status;
  }

  private async send(row: DeliveryRow, url: string): Promise<AttemptResult> {
    const startedAt = new Date();
    try {
      const secret = await this.endpoints.secretOf(row.tenant_id, row.target_id);
      const res = await this.outbound.send({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'user-agent': 'Provisio-Webhooks/1', ...signWebhook(secret, row.event_id, row.payload, startedAt) },
        body: row.payload,
        maxResponseBytes: RESPONSE_EXCERPT_BYTES,
      });
      return resultFromResponse(startedAt, res);
    } catch (error) {
      return resultFromError(startedAt, error);
    }
  }

  private async wake(row: DeliveryRow, successorId: string | undefined): Promise<void> {
    if (!successorId) return;
    const job: DeliveryJob = {
      data: { tenantId: row.tenant_id, deliveryId: successorId },
      jobId: deliveryJobId.after(successorId, row.id, row.attempts),
    };
    await this.queue.add([job]);
  }
}
