import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiGoneResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import { EVENT_PAGE_EXAMPLE, EventPageDto, ListEventsQueryDto } from './list-events.dto';
import { EventsQueryService } from './events-query.service';

@AdminApi('Admin: events')
@Controller('admin/v1/tenants/:tenantId/events')
export class EventsAdminController {
  constructor(private readonly events: EventsQueryService) {}

  @Get()
  @ApiOperation({
    summary: 'Pull the tenant’s provisioning events in commit order after a cursor',
    description: 'Start with after=0, then pass nextCursor. Events are kept for settings.events.retentionDays (30 by default).',
  })
  @ApiOkResponse({ type: EventPageDto, example: EVENT_PAGE_EXAMPLE })
  @ApiGoneResponse({ description: 'The cursor is older than the retention window: events after it were purged' })
  list(@Param('tenantId') tenantId: string, @Query() query: ListEventsQueryDto) {
    return this.events.list(tenantId, query);
  }
}
