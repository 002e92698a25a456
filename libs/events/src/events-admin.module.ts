import { Module } from '@nestjs/common';
import { TenancyModule } from '@provisio/tenancy';
import { EventsAdminController } from './admin/events-admin.controller';
import { EventsQueryService } from './admin/events-query.service';
import { EventsModule } from './events.module';
import { EventsOpsController } from './ops/events-ops.controller';
import { QueueDashboardModule } from './ops/queue-dashboard.module';

/**
 * The API side of events: the pull API, the queue stats endpoints and the queue dashboard at /admin/queues.
 * Imported once by apps/api.
 */
@Module({
  imports: [EventsModule, TenancyModule, QueueDashboardModule],
  controllers: [EventsAdminController, EventsOpsController],
  providers: [EventsQueryService],
})
export class EventsAdminModule {}
