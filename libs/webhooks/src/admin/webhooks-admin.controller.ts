import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { toWebhookResponse } from './webhook-mappers';
import { CreateWebhookDto, UpdateWebhookDto, WebhookResponseDto } from './webhook.dto';

@AdminApi('Admin: webhooks')
@Controller('admin/v1/tenants/:tenantId/webhooks')
export class WebhooksAdminController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a webhook endpoint; the signing secret is returned only in this response' })
  @ApiCreatedResponse({ type: WebhookResponseDto })
  async create(@Param('tenantId') tenantId: string, @Body() body: CreateWebhookDto): Promise<WebhookResponseDto> {
    const created = await this.endpoints.create(tenantId, body);
    return toWebhookResponse(created.endpoint, created.secret);
  }

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints (never their secrets)' })
  @ApiOkResponse({ type: [WebhookResponseDto] })
  async list(@Param('tenantId') tenantId: string): Promise<WebhookResponseDto[]> {
    return (await this.endpoints.list(tenantId)).map((endpoint) => toWebhookResponse(endpoint));
  }

  @Get(':webhookId')
  @ApiOkResponse({ type: WebhookResponseDto })
  async get(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string): Promise<WebhookResponseDto> {
    return toWebhookResponse(await this.endpoints.get(tenantId, webhookId));
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: 'Change the URL, event types, description, or enable/disable the endpoint' })
  @ApiOkResponse({ type: WebhookResponseDto })
  async update(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookResponseDto> {
    return toWebhookResponse(await this.endpoints.update(tenantId, webhookId, body));
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the endpoint with its delivery log' })
  @ApiNoContentResponse()
  async delete(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string): Promise<void> {
    await this.endpoints.delete(tenantId, webhookId);
  }
}
