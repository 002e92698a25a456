import { ApiPropertyOptional } from '@nestjs/swagger';
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
