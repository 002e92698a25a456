import { Controller, Get, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminApi, TenantsService } from '@provisio/tenancy';
import { DataSource } from 'typeorm';
import { EventQueuesReader } from './event-queues.reader';
import { OpsStatsDto } from './ops-stats.dto';
import { outboxStats } from './outbox-stats';

const STATS_EXAMPLE = {
  outbox: {
    undispatched: 3, unpublished: 0, oldestUnpublishedAgeSeconds: null, oldestUndispatchedAgeSeconds: 0.4,
    oldestPending: {
      id: '5f0c6a52-8a55-4a43-9f57-0c6f0e9a1b1e', tenantId: '0b7c2f4e-1b7a-4f7e-9a53-2f7f6a4c9d10', type: 'user.updated',
      sequence: 1041, occurredAt: '2026-11-23T09:30:00.000Z', queued: true,
    },
  },
  queues: {
    available: true,
    totals: { waiting: 3, active: 1, delayed: 0, failed: 0, completed: 1200 },
    items: [
      { name: 'events-00', waiting: 1, active: 1, delayed: 0, failed: 0, completed: 80 },
      { name: 'webhook-deliveries', waiting: 2, active: 0, delayed: 0, failed: 0, completed: 950 },
    ],
  },
};

@AdminApi('Admin: operations')
@Controller('admin/v1')
export class EventsOpsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: EventQueuesReader,
    private readonly tenants: TenantsService,
  ) {}

  @Get('events/stats')
  @ApiOperation({
    summary: 'Outbox backlog (relay and delivery lag, oldest pending event) and queue depths across all tenants',
    description: 'queues.available is false (with an error) while Redis is unreachable; the outbox figures come from Postgres and stay accurate.',
  })
  @ApiOkResponse({ type: OpsStatsDto, example: STATS_EXAMPLE })
  async stats(): Promise<OpsStatsDto> {
    const [outbox, queues] = await Promise.all([outboxStats(this.dataSource), this.queueDepths()]);
    return { outbox, queues };
  }

  @Get('tenants/:tenantId/events/stats')
  @ApiOperation({ summary: 'One tenant’s outbox backlog and last event sequence' })
  async tenantStats(@Param('tenantId') tenantId: string) {
    await this.tenants.get(tenantId);
    const [[sequence], outbox] = await Promise.all([
      this.dataSource.query(`SELECT last_sequence FROM outbox_sequences WHERE tenant_id = $1`, [tenantId]),
      outboxStats(this.dataSource, tenantId),
    ]);
    return { lastSequence: Number(sequence?.last_sequence ?? 0), outbox };
  }

  /** Redis down is an answer here, not an error: the outbox numbers above still tell what is waiting. */
  private async queueDepths() {
    try {
      const items = await this.queues.depths();
      const totals = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
      for (const item of items) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += item[key];
      return { available: true, totals, items };
    } catch (error) {
      return { available: false, error: (error as Error).message };
    }
  }
}
