import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DeliveryStatus } from '../deliveries/delivery-row';

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'failed', 'succeeded', 'dead'] })
  @IsOptional() @IsIn(['pending', 'failed', 'succeeded', 'dead'])
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 }) attempt: number;
  @ApiProperty({ example: '2026-12-05T09:00:00.000Z' }) at: string;
  @ApiProperty({ nullable: true, type: Number, example: 500 }) statusCode: number | null;
  @ApiProperty({ example: 84 }) latencyMs: number;
  @ApiProperty({ example: 'http_error' }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The start of what the receiver answered' }) responseExcerpt: string | null;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'user.created' }) eventType: string;
  @ApiProperty({ example: 42 }) eventSequence: number;
  @ApiProperty({ enum: ['pending', 'failed', 'succeeded', 'dead'] }) status: DeliveryStatus;
  @ApiProperty({ example: 2 }) attemptCount: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto] }) attempts: DeliveryAttemptDto[];
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for older deliveries; null on the last page' }) nextCursor: string | null;
}
