import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { WebhookDeliveryLogService } from '../deliveries/webhook-delivery-log.service';
import { DeliveryView } from '../deliveries/delivery-views';
import { WebhookStats, WebhookStatsService } from '../stats/webhook-stats.service';
import { DeliveryDto, DeliveryPageDto, DeliveryQueryDto } from './delivery.dto';

@AdminApi('Admin: webhooks')
@Controller('admin/v1/tenants/:tenantId/webhooks/:webhookId')
export class WebhookDeliveriesAdminController {
  constructor(
    private readonly log: WebhookDeliveryLogService,
    private readonly statsService: WebhookStatsService,
  ) {}

  @Get('deliveries')
  @ApiOperation({ summary: 'Delivery log, newest first, each delivery with every attempt (time, status code, latency, response excerpt)' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string, @Query() query: DeliveryQueryDto) {
    return this.log.list(tenantId, webhookId, { status: query.status, cursor: query.cursor, limit: query.limit ?? 50 });
  }

  @Get('deliveries/:deliveryId')
  @ApiOkResponse({ type: DeliveryDto, description: 'One delivery with its attempts' })
  get(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string, @Param('deliveryId') deliveryId: string): Promise<DeliveryView> {
    return this.log.get(tenantId, webhookId, deliveryId);
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a dead or past delivery again (same event id and body, fresh retry window)' })
  @ApiAcceptedResponse({ type: DeliveryDto, description: 'The delivery, now pending' })
  replay(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string, @Param('deliveryId') deliveryId: string): Promise<DeliveryView> {
    return this.log.replay(tenantId, webhookId, deliveryId);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Delivery stats: counts by status, oldest open delivery, last 24 hours of attempts and latency' })
  stats(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string): Promise<WebhookStats> {
    return this.statsService.stats(tenantId, webhookId);
  }
}
