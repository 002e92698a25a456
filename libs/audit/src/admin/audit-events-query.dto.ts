import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../export/export-formats';
import { AuditEventFilters } from '../query/audit-event-filters';
import { AuditOutcome } from '../writer/audit-entry';

export class AuditTimeRangeDto {
  @ApiPropertyOptional({ description: 'Inclusive lower bound (ISO 8601)', example: '2026-11-01T00:00:00Z' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive upper bound (ISO 8601)', example: '2026-12-01T00:00:00Z' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class ListAuditEventsQueryDto extends AuditTimeRangeDto {
  @ApiPropertyOptional({ example: 'user.updated' }) @IsOptional() @IsString() @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({ example: 'User', description: 'User, Group, Tenant, Token, OAuthClient, ...' }) @IsOptional() @IsString() @MaxLength(200)
  resourceType?: string;

  @ApiPropertyOptional({ description: 'id of the User, Group, token, ... the event is about' }) @IsOptional() @IsString() @MaxLength(200)
  resourceId?: string;

  @ApiPropertyOptional({ example: 'bjensen@example.com', description: 'userName (or group displayName) at the time of the event, case-insensitive' })
  @IsOptional() @IsString() @MaxLength(1000)
  userName?: string;

  @ApiPropertyOptional({ description: 'Same as userName; reads better for groups and tokens' }) @IsOptional() @IsString() @MaxLength(1000)
  resourceName?: string;

  @ApiPropertyOptional({ description: 'externalId the IdP gave the resource' }) @IsOptional() @IsString() @MaxLength(1000)
  externalId?: string;

  @ApiPropertyOptional({ description: 'Token id of the SCIM token that acted (or a system job name)' }) @IsOptional() @IsString() @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure'] }) @IsOptional() @IsIn(['success', 'failure'])
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{1,15}$/, { message: 'cursor must be a nextCursor value' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class ExportAuditEventsQueryDto extends AuditTimeRangeDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson' }) @IsOptional() @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export function toFilters(query: ListAuditEventsQueryDto): AuditEventFilters {
  return {
    action: query.action,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    resourceName: query.userName ?? query.resourceName,
    externalId: query.externalId,
    actor: query.actor,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}
