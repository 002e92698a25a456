import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class DirectoryQueryDto {
  @ApiPropertyOptional({ example: 'bjen', description: 'Plain text: userName or displayName starting with it (groups: displayName), or the exact externalId' })
  @IsOptional() @IsString() @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'active eq false', description: 'A SCIM filter (RFC 7644 §3.4.2.2, docs/filtering.md); combined with search by AND' })
  @IsOptional() @IsString() @MaxLength(2000)
  filter?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (RFC 9865 cursor paging)' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  count?: number;
}

export class DirectoryPageDto {
  @ApiProperty({ example: 1204 }) totalResults: number;
  @ApiProperty({ example: 50 }) itemsPerPage: number;
  @ApiPropertyOptional({ description: 'Pass as cursor for the next page; absent on the last page' }) nextCursor?: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'SCIM resources as GET /scim/v2/Users returns them' })
  Resources: Record<string, unknown>[];
}

export class MembersQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'nextCursor of the previous page' })
  @IsOptional() @IsUUID()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  count?: number;
}

export class GroupMemberDto {
  @ApiProperty({ format: 'uuid' }) value: string;
  @ApiProperty({ enum: ['User', 'Group'] }) type: 'User' | 'Group';
  @ApiProperty({ nullable: true, type: String, example: 'Barbara Jensen' }) display: string | null;
}

export class GroupMembersPageDto {
  @ApiProperty({ type: [GroupMemberDto] }) items: GroupMemberDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' }) nextCursor: string | null;
}

export class DirectorySummaryDto {
  @ApiProperty({ example: 1204, description: 'Users, not counting soft-deleted ones' }) users: number;
  @ApiProperty({ example: 37 }) groups: number;
}
