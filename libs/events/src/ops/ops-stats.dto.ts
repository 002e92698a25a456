import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PendingEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ example: 'user.updated' }) type: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null until the relay numbered it' }) sequence: number | null;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ description: 'false: the relay is behind; true: a subscriber is' }) queued: boolean;
}

export class OutboxStatsDto {
  @ApiProperty({ description: 'Committed events not yet handed to every subscriber' }) undispatched: number;
  @ApiProperty({ description: 'Of those, not yet added to a queue (the relay’s backlog)' }) unpublished: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The relay lag' }) oldestUnpublishedAgeSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The delivery lag' }) oldestUndispatchedAgeSeconds: number | null;
  @ApiProperty({ nullable: true, type: PendingEventDto }) oldestPending: PendingEventDto | null;
}

export class QueueCountsDto {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
  @ApiProperty() completed: number;
}

export class QueueDepthDto extends QueueCountsDto {
  @ApiProperty({ example: 'webhook-deliveries' }) name: string;
}

export class QueueDepthsDto {
  @ApiProperty({ description: 'false while Redis is unreachable' }) available: boolean;
  @ApiPropertyOptional({ type: QueueCountsDto }) totals?: QueueCountsDto;
  @ApiPropertyOptional({ type: [QueueDepthDto] }) items?: QueueDepthDto[];
  @ApiPropertyOptional() error?: string;
}

export class OpsStatsDto {
  @ApiProperty({ type: OutboxStatsDto }) outbox: OutboxStatsDto;
  @ApiProperty({ type: QueueDepthsDto }) queues: QueueDepthsDto;
}
