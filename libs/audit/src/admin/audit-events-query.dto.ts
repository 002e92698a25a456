import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EXPORT_FORMATS, ExportFormat } from '../export/export-formats';
import { AuditEventFilters } from '../query/audit-event-filters';
import { AuditOutcome } from '../writer/audit-entry';

// Examples live in the descriptions: Swagger UI pre-fills a parameter's example into the search form,
// and nine pre-filled filters would make every search in the sandbox come back empty.
export class AuditTimeRangeDto {
  @ApiPropertyOptional({ description: 'Inclusive lower bound (ISO 8601), e.g. `2026-11-01T00:00:00Z`' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive upper bound (ISO 8601), e.g. `2026-12-01T00:00:00Z`' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class ListAuditEventsQueryDto extends AuditTimeRangeDto {
  @ApiPropertyOptional({ description: 'Exact action name, e.g. `user.updated`; others: user.created, user.deactivated, group.members.added, token.revoked, ...' })
  @IsOptional() @IsString() @MaxLength(200)
  action?: string;

  @ApiPropertyOptional({ description: 'e.g. `User`; also Group, Tenant, Token, OAuthClient, ...' }) @IsOptional() @IsString() @MaxLength(200)
  resourceType?: string;

  @ApiPropertyOptional({ description: 'id of the User, Group, token, ... the event is about, e.g. `2819c223-7f76-453a-919d-413861904646`' })
  @IsOptional() @IsString() @MaxLength(200)
  resourceId?: string;

  @ApiPropertyOptional({ description: 'userName (or group displayName) at the time of the event, case-insensitive, e.g. `bjensen@example.com`' })
  @IsOptional() @IsString() @MaxLength(1000)
  userName?: string;

  @ApiPropertyOptional({ description: 'Same as userName; reads better for groups and tokens' }) @IsOptional() @IsString() @MaxLength(1000)
  resourceName?: string;

  @ApiPropertyOptional({ description: 'externalId the IdP gave the resource, e.g. `701984`' }) @IsOptional() @IsString() @MaxLength(1000)
  externalId?: string;

  @ApiPropertyOptional({
    description: 'Who acted: the id of a SCIM token or OAuth client (GET .../tokens lists them), e.g. `4c7e9b1a-2d3f-4e5a-8b6c-9d0e1f2a3b4c`, or a system job name',
  })
  @IsOptional() @IsString() @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure'], description: 'failure: requests refused with a 4xx (rate limited, see docs/audit.md)' })
  @IsOptional() @IsIn(['success', 'failure'])
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, e.g. `1234`; stable while new events are written' }) @IsOptional() @Matches(/^\d{1,15}$/, { message: 'cursor must be a nextCursor value' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50, description: 'Events per page' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class ExportAuditEventsQueryDto extends AuditTimeRangeDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'ndjson', description: 'ndjson: one JSON event per line; csv: one row per event, `changes` as a JSON cell' })
  @IsOptional() @IsIn(EXPORT_FORMATS)
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
