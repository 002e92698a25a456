import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { isUuid } from '@provisio/database';
import { ConflictError } from '@provisio/observability';
import { loadLocked, reopenForReplay } from '@provisio/outbound';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { DeliveryNotFoundError } from '../endpoints/webhook-errors';
import { CURSOR_AT_SQL, decodeCursor, encodeCursor } from './delivery-cursor';
import { DeliveryRow, DeliveryStatus, isFinal, WEBHOOK_DELIVERIES } from './delivery-row';
import { AttemptRow, DeliveryView, toDeliveryView } from './delivery-views';
import { deliveryJobId, WebhookDeliveryQueue } from './webhook-delivery-queue';

export interface DeliveryPage {
  items: DeliveryView[];
  nextCursor: string | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  cursor?: string;
  limit: number;
}

/** The admin side of deliveries: the log with every attempt, and replay. */
@Injectable()
export class WebhookDeliveryLogService {
  private readonly logger = new Logger('WebhookDeliveryLog');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: WebhookEndpointsService,
    private readonly queue: WebhookDeliveryQueue,
    private readonly audit: AuditWriter,
  ) {}

  async list(tenantId: string, webhookId: string, query: DeliveryQuery): Promise<DeliveryPage> {
    await this.endpoints.get(tenantId, webhookId);
    return this.page(tenantId, webhookId, query);
  }

  /** Deliveries across all of a tenant's endpoints, newest first (index webhook_deliveries_tenant_recent). */
  async listForTenant(tenantId: string, query: DeliveryQuery): Promise<DeliveryPage> {
    await this.endpoints.list(tenantId);
    return this.page(tenantId, null, query);
  }

  private async page(tenantId: string, webhookId: string | null, query: DeliveryQuery): Promise<DeliveryPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows: (DeliveryRow & { cursor_at: string })[] = await this.dataSource.query(
      `SELECT *, endpoint_id AS target_id, ${CURSOR_AT_SQL} AS cursor_at FROM webhook_deliveries
        WHERE tenant_id = $1 AND ($2::uuid IS NULL OR endpoint_id = $2) AND ($3::text IS NULL OR status = $3)
          AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $6`,
      [tenantId, webhookId, query.status ?? null, after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    const attempts = await this.attemptsOf(this.dataSource.manager, tenantId, page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toDeliveryView(row, attempts)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor_at, last.id) : null,
    };
  }

  async get(tenantId: string, webhookId: string, deliveryId: string): Promise<DeliveryView> {
    await this.endpoints.get(tenantId, webhookId);
    const row = await this.find(this.dataSource.manager, tenantId, webhookId, deliveryId);
    return toDeliveryView(row, await this.attemptsOf(this.dataSource.manager, tenantId, [row.id]));
  }

  /**
   * Sends a finished delivery (dead, or succeeded and wanted again) once more, with the same event id and
   * body and a fresh retry window. Its attempt log continues. A delivery still being retried is left alone.
   */
  async replay(tenantId: string, webhookId: string, deliveryId: string): Promise<DeliveryView> {
    const endpoint = await this.endpoints.get(tenantId, webhookId);
    if (!endpoint.enabled) throw new ConflictError(`Webhook ${webhookId} is disabled; enable it before replaying`, 'disabled');
    const row = await this.dataSource.transaction(async (tx) => {
      await this.find(tx, tenantId, webhookId, deliveryId);
      const locked = (await loadLocked(tx, WEBHOOK_DELIVERIES, tenantId, deliveryId))!;
      if (!isFinal(locked.status)) throw new ConflictError(`Delivery ${deliveryId} is still ${locked.status}; it will be retried`, 'notFinished');
      const reopened = (await reopenForReplay(tx, WEBHOOK_DELIVERIES, tenantId, deliveryId))!;
      await this.audit.record(tx, {
        tenantId, action: 'webhook.delivery_replayed', resourceType: 'Webhook', resourceId: webhookId,
        summary: `delivery ${deliveryId} of ${reopened.event_type} event ${reopened.event_id} (was ${locked.status})`,
      });
      return reopened;
    });
    try {
      await this.queue.add([{ data: { tenantId, deliveryId }, jobId: deliveryJobId.replay(deliveryId, row.attempts) }]);
    } catch (error) {
      // The row is due; the worker's sweep queues it once Redis answers again.
      this.logger.warn({ tenantId, deliveryId, err: error }, 'replay queued for the sweep: Redis unavailable');
    }
    return toDeliveryView(row, await this.attemptsOf(this.dataSource.manager, tenantId, [row.id]));
  }

  private async find(tx: EntityManager, tenantId: string, webhookId: string, deliveryId: string): Promise<DeliveryRow> {
    const [row]: DeliveryRow[] = isUuid(deliveryId)
      ? await tx.query(`SELECT *, endpoint_id AS target_id FROM webhook_deliveries WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3`, [tenantId, webhookId, deliveryId])
      : [];
    if (!row) throw new DeliveryNotFoundError(deliveryId);
    return row;
  }

  private attemptsOf(tx: EntityManager, tenantId: string, deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return tx.query(
      `SELECT * FROM webhook_delivery_attempts WHERE tenant_id = $1 AND delivery_id = ANY ($2::uuid[]) ORDER BY delivery_id, attempt`,
      [tenantId, deliveryIds],
    );
  }
}
