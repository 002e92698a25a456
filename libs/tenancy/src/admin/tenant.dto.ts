import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { TenantSettings, TenantSettingsDto } from '../tenants/tenant-settings';
import { TenantStatus } from '../tenants/tenant.entity';

const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;

export class CreateTenantDto {
  @ApiProperty({ example: 'acme', description: 'Unique, case-insensitive; letters, digits, space, dot, dash, underscore' })
  @IsString() @Length(1, 100) @Matches(TENANT_NAME, { message: 'name may contain letters, digits, space, dot, dash and underscore' })
  name: string;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'acme-eu' })
  @IsOptional() @IsString() @Length(1, 100) @Matches(TENANT_NAME)
  name?: string;

  @ApiPropertyOptional({ enum: ['active', 'suspended'], description: 'A suspended tenant gets 403 on every SCIM request' })
  @IsOptional() @IsIn(['active', 'suspended'])
  status?: TenantStatus;

  @ApiPropertyOptional({ type: TenantSettingsDto, example: { deprovisioning: { onDeactivate: 'keep', onDelete: 'soft-delete' } } })
  @IsOptional() @ValidateNested() @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;
}

export class TenantResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'acme' }) name: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: TenantStatus;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: 'http://localhost:3000/scim/v2' }) scimBaseUrl: string;
  @ApiProperty({ type: TenantSettingsDto, description: 'Every field present (defaults filled in)', example: { deprovisioning: { onDeactivate: 'keep', onDelete: 'hard-delete' }, groups: { uniqueDisplayName: true } } })
  settings: TenantSettings;
}
