import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { OPERATOR_ROLES, OperatorRole } from '@provisio/admin';

export class CreateOperatorKeyDto {
  @ApiProperty({ example: 'Dana (security review)', description: 'Who or what holds the key, shown in lists and key events' })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ enum: OPERATOR_ROLES, example: 'auditor', description: 'admin: everything; auditor: read-only (every write answers 403)' })
  @IsIn(OPERATOR_ROLES)
  role: OperatorRole;
}

export class OperatorKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Dana (security review)' }) name: string;
  @ApiProperty({ enum: OPERATOR_ROLES }) role: OperatorRole;
  @ApiProperty({ example: 'opk_Xk3bQ9vL' }) prefix: string;
  @ApiProperty({ example: '2026-12-05T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedOperatorKeyDto extends OperatorKeyDto {
  @ApiProperty({ example: 'opk_Xk3bQ9vL…', description: 'The secret; returned only in this response' })
  key: string;
}

export class OperatorKeyEventsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: '120' })
  @IsOptional() @Matches(/^\d{1,18}$/, { message: 'cursor must be a nextCursor value' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

export class OperatorKeyEventDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ example: '2026-12-05T09:00:00.000Z' }) occurredAt: string;
  @ApiProperty({ enum: ['operator_key.created', 'operator_key.revoked'] }) action: string;
  @ApiProperty({ format: 'uuid' }) keyId: string;
  @ApiProperty() keyName: string;
  @ApiProperty() keyPrefix: string;
  @ApiProperty({ enum: OPERATOR_ROLES }) role: OperatorRole;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { type: 'admin' }, description: 'Who acted: the ADMIN_TOKEN, or an operator key by id and prefix' })
  actor: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ nullable: true, type: String }) clientIp: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
}

export class OperatorKeyEventPageDto {
  @ApiProperty({ type: [OperatorKeyEventDto] }) items: OperatorKeyEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for older events; null on the last page' })
  nextCursor: string | null;
}

export class CurrentOperatorDto {
  @ApiProperty({ enum: OPERATOR_ROLES }) role: OperatorRole;
  @ApiProperty({ enum: ['admin-token', 'operator-key'] }) via: 'admin-token' | 'operator-key';
  @ApiPropertyOptional({ format: 'uuid' }) keyId?: string;
  @ApiPropertyOptional() keyName?: string;
  @ApiPropertyOptional() keyPrefix?: string;
}
