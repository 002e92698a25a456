import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { WebhookDeliveryLogService } from '../deliveries/webhook-delivery-log.service';
import { DeliveryPageDto, DeliveryQueryDto } from './delivery.dto';

@AdminApi('Admin: webhooks')
@Controller('admin/v1/tenants/:tenantId/webhook-deliveries')
export class TenantDeliveriesAdminController {
  constructor(private readonly log: WebhookDeliveryLogService) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries across all of the tenant’s webhooks, newest first, each with its attempts and the receiver’s answers' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Param('tenantId') tenantId: string, @Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.log.listForTenant(tenantId, { status: query.status, cursor: query.cursor, limit: query.limit ?? 50 });
  }
}
