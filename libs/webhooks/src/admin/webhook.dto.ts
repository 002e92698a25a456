import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES } from '@provisio/events';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/provisio' })
  @IsString() @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true, example: ['user.created', 'user.deleted'], description: 'Omit (or null) for every event type' })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: string[] | null;

  @ApiPropertyOptional({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Standard Webhooks secret; generated when omitted' })
  @IsOptional() @IsString() @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ example: 'HR portal' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://hooks.example.com/provisio' })
  @IsOptional() @IsString() @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true, nullable: true, description: 'null subscribes to every event type' })
  @IsOptional() @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(EVENT_TYPES, { each: true })
  eventTypes?: string[] | null;

  @ApiPropertyOptional({ example: 'HR portal' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ description: 'true re-enables an endpoint that was disabled automatically' })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: [String], description: 'null: every event type' }) eventTypes: string[] | null;
  @ApiPropertyOptional({ description: 'The signing secret; returned only when the webhook is created' }) secret?: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String, example: '5 consecutive deliveries dead' }) disabledReason: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
