import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { ConnectorResyncsService } from '../resync/connector-resyncs.service';
import { ResyncView } from '../resync/resync-view';
import { ConnectorQueues } from '../sync/connector-queues';
import { ResyncResponseDto } from './connector.dto';

@AdminApi('Admin: connectors')
@Controller('admin/v1/tenants/:tenantId/connectors/:connectorId')
export class ConnectorResyncsAdminController {
  constructor(
    private readonly resyncs: ConnectorResyncsService,
    private readonly queues: ConnectorQueues,
  ) {}

  @Post('resync')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Full reconcile of the store with our state, run by a worker: writes every live user and group, '
      + 'makes group members equal, deletes what we created there that no longer exists here',
  })
  @ApiAcceptedResponse({ type: ResyncResponseDto, description: 'The queued job; poll GET …/resyncs/{id}' })
  resync(@Param('tenantId') tenantId: string, @Param('connectorId') connectorId: string): Promise<ResyncView> {
    return this.resyncs.requestQueued(tenantId, connectorId, this.queues);
  }

  @Get('resyncs')
  @ApiOperation({ summary: 'The latest resyncs of this connector, newest first' })
  @ApiOkResponse({ type: [ResyncResponseDto] })
  list(@Param('tenantId') tenantId: string, @Param('connectorId') connectorId: string): Promise<ResyncView[]> {
    return this.resyncs.list(tenantId, connectorId);
  }

  @Get('resyncs/:resyncId')
  @ApiOkResponse({ type: ResyncResponseDto })
  get(@Param('tenantId') tenantId: string, @Param('connectorId') connectorId: string, @Param('resyncId') resyncId: string): Promise<ResyncView> {
    return this.resyncs.get(tenantId, connectorId, resyncId);
  }
}
