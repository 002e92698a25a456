import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { ConnectorsService } from '../connectors/connectors.service';
import { ConnectorResponseDto, CreateConnectorDto, UpdateConnectorDto } from './connector.dto';
import { ConnectorViewsService } from './connector-views.service';

@AdminApi('Admin: connectors')
@Controller('admin/v1/tenants/:tenantId/connectors')
export class ConnectorsAdminController {
  constructor(
    private readonly connectors: ConnectorsService,
    private readonly views: ConnectorViewsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a downstream user store; the URL is checked against the SSRF policy, the token is stored encrypted and never returned' })
  @ApiCreatedResponse({ type: ConnectorResponseDto })
  async create(@Param('tenantId') tenantId: string, @Body() body: CreateConnectorDto): Promise<ConnectorResponseDto> {
    return this.views.view(await this.connectors.create(tenantId, body));
  }

  @Get()
  @ApiOperation({ summary: 'List connectors with their sync state' })
  @ApiOkResponse({ type: [ConnectorResponseDto] })
  async list(@Param('tenantId') tenantId: string): Promise<ConnectorResponseDto[]> {
    return this.views.views(tenantId, await this.connectors.list(tenantId));
  }

  @Get(':connectorId')
  @ApiOperation({ summary: 'One connector: last success and failure, pending syncs, mapped users and groups' })
  @ApiOkResponse({ type: ConnectorResponseDto })
  async get(@Param('tenantId') tenantId: string, @Param('connectorId') connectorId: string): Promise<ConnectorResponseDto> {
    return this.views.view(await this.connectors.get(tenantId, connectorId));
  }

  @Patch(':connectorId')
  @ApiOperation({ summary: 'Change the base URL, rotate the token, change the description, or enable/disable' })
  @ApiOkResponse({ type: ConnectorResponseDto })
  async update(
    @Param('tenantId') tenantId: string,
    @Param('connectorId') connectorId: string,
    @Body() body: UpdateConnectorDto,
  ): Promise<ConnectorResponseDto> {
    return this.views.view(await this.connectors.update(tenantId, connectorId, body));
  }

  @Delete(':connectorId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the connector with its id mappings and sync log; the store keeps its data' })
  @ApiNoContentResponse()
  async delete(@Param('tenantId') tenantId: string, @Param('connectorId') connectorId: string): Promise<void> {
    await this.connectors.delete(tenantId, connectorId);
  }
}
