import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** A bearer token goes into an HTTP header: visible ASCII only, so it cannot smuggle a header of its own. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;
const TOKEN_MESSAGE = 'token must be 1 to 4096 visible ASCII characters (no spaces or line breaks)';

export class CreateConnectorDto {
  @ApiProperty({ enum: ['scim'], example: 'scim', description: 'scim: push users and groups to another SCIM 2.0 service provider' })
  @IsIn(['scim'])
  type: 'scim';

  @ApiProperty({ example: 'https://idp.example.com/scim/v2', description: 'The store’s SCIM base URL (…/Users and …/Groups below it)' })
  @IsString() @MaxLength(2048)
  baseUrl: string;

  @ApiProperty({ example: 'c2NpbS10b2tlbi1vZi10aGUtc3RvcmU', description: 'Bearer token for the store; stored encrypted, never returned' })
  @IsString() @Length(1, 4096, { message: TOKEN_MESSAGE }) @Matches(TOKEN_PATTERN, { message: TOKEN_MESSAGE })
  token: string;

  @ApiPropertyOptional({ example: 'Staging directory' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateConnectorDto {
  @ApiPropertyOptional({ example: 'https://idp.example.com/scim/v2' })
  @IsOptional() @IsString() @MaxLength(2048)
  baseUrl?: string;

  @ApiPropertyOptional({ description: 'A new bearer token (rotation); never returned' })
  @IsOptional() @IsString() @Length(1, 4096, { message: TOKEN_MESSAGE }) @Matches(TOKEN_PATTERN, { message: TOKEN_MESSAGE })
  token?: string;

  @ApiPropertyOptional({ example: 'Staging directory' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ description: 'false stops syncing (events meanwhile are not applied; resync after re-enabling)' })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class ConnectorSyncDto {
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastFailureAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'POST /Users answered 400: userName is required' }) lastError: string | null;
  @ApiProperty({ description: 'Syncs waiting for their first attempt or a retry' }) pending: number;
  @ApiProperty({ description: 'Of the pending ones, those that failed at least once' }) retrying: number;
  @ApiProperty({ description: 'Syncs given up; a resync repairs what they missed' }) dead: number;
  @ApiProperty() succeeded: number;
  @ApiProperty({ nullable: true, type: String }) oldestPendingAt: string | null;
  @ApiProperty({ example: { users: 120, groups: 8 } }) mapped: { users: number; groups: number };
}

export class ConnectorResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['scim'] }) type: 'scim';
  @ApiProperty() baseUrl: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: ConnectorSyncDto }) sync: ConnectorSyncDto;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ResyncResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The job id: poll GET …/resyncs/{id}' }) id: string;
  @ApiProperty({ format: 'uuid' }) connectorId: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: Object, example: { users: { created: 1, replaced: 40, deleted: 0 }, groups: { created: 0, replaced: 3, deleted: 1 }, members: { added: 2, removed: 0 } } })
  summary: object | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
