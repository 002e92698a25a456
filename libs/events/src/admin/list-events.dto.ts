import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { EVENT_TYPES } from '../event-types';

export class ListEventsQueryDto {
  @ApiPropertyOptional({ description: 'Cursor: the nextCursor of the previous page, or 0 to start from the oldest retained event', example: '0' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'after must be a cursor returned as nextCursor (a whole number)' })
  after?: string;

  @ApiPropertyOptional({ description: `Comma-separated event types to return (default all): ${EVENT_TYPES.join(', ')}`, example: 'user.created,user.updated' })
  @IsOptional() @IsString()
  types?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

export const EVENT_PAGE_EXAMPLE = {
  items: [
    {
      id: '5f0c6a52-8a55-4a43-9f57-0c6f0e9a1b1e',
      type: 'user.created',
      tenantId: '0b7c2f4e-1b7a-4f7e-9a53-2f7f6a4c9d10',
      occurredAt: '2026-11-23T09:30:00.000Z',
      sequence: 1,
      data: {
        resourceType: 'User',
        id: '2819c223-7f76-453a-919d-413861904646',
        externalId: 'bjensen',
        resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: '2819c223-7f76-453a-919d-413861904646', userName: 'bjensen@example.com', active: true },
      },
    },
  ],
  nextCursor: '1',
  hasMore: false,
};

export class EventDataDto {
  @ApiProperty({ enum: ['User', 'Group'] }) resourceType: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The resource after the change (null when deleted)' })
  resource: Record<string, unknown> | null;
}

export class EventEnvelopeDto {
  @ApiProperty({ format: 'uuid', description: 'Stable across retries and replays: deduplicate on it' }) id: string;
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ description: 'Commit order within the tenant' }) sequence: number;
  @ApiProperty({ type: EventDataDto }) data: EventDataDto;
}

export class EventPageDto {
  @ApiProperty({ type: [EventEnvelopeDto] }) items: EventEnvelopeDto[];
  @ApiProperty({ description: 'Pass as after= for the next page' }) nextCursor: string;
  @ApiProperty() hasMore: boolean;
}
