import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export const DEACTIVATE_ACTIONS = ['keep', 'soft-delete', 'hard-delete'] as const;
export const DELETE_ACTIONS = ['soft-delete', 'hard-delete'] as const;
export type DeactivateAction = (typeof DEACTIVATE_ACTIONS)[number];
export type DeleteAction = (typeof DELETE_ACTIONS)[number];

/** Typed per-tenant settings, stored as jsonb and always read through withDefaults(). */
export interface TenantSettings {
  deprovisioning: {
    /**
     * What `active: false` does. `keep` (default) leaves the user visible with active=false, which Entra
     * and Okta expect (a disabled user must still be found by its userName filter).
     */
    onDeactivate: DeactivateAction;
    /** What DELETE does. Either way the resource is gone for SCIM clients (RFC 7644 §3.6); soft-delete keeps the row. */
    onDelete: DeleteAction;
  };
  groups: {
    /** Reject a second group with the same displayName (case-insensitive). Entra matches groups by displayName. */
    uniqueDisplayName: boolean;
  };
  audit: { retentionDays: number };
  events: { retentionDays: number };
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  deprovisioning: { onDeactivate: 'keep', onDelete: 'hard-delete' },
  groups: { uniqueDisplayName: true },
  audit: { retentionDays: 365 },
  events: { retentionDays: 30 },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type TenantSettingsPatch = DeepPartial<TenantSettings>;

/** Stored settings may predate a new field: every read merges them over the defaults. */
export function withDefaults(stored: TenantSettingsPatch | null | undefined): TenantSettings {
  const s = stored ?? {};
  return {
    deprovisioning: { ...DEFAULT_TENANT_SETTINGS.deprovisioning, ...s.deprovisioning },
    groups: { ...DEFAULT_TENANT_SETTINGS.groups, ...s.groups },
    audit: { ...DEFAULT_TENANT_SETTINGS.audit, ...s.audit },
    events: { ...DEFAULT_TENANT_SETTINGS.events, ...s.events },
  };
}

export class DeprovisioningSettingsDto {
  @ApiPropertyOptional({ enum: DEACTIVATE_ACTIONS, example: 'keep' })
  @IsOptional() @IsIn(DEACTIVATE_ACTIONS)
  onDeactivate?: DeactivateAction;

  @ApiPropertyOptional({ enum: DELETE_ACTIONS, example: 'hard-delete' })
  @IsOptional() @IsIn(DELETE_ACTIONS)
  onDelete?: DeleteAction;
}

export class GroupSettingsDto {
  @ApiPropertyOptional({ example: true })
  @IsOptional() @IsBoolean()
  uniqueDisplayName?: boolean;
}

export class RetentionSettingsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 3650, example: 365 })
  @IsOptional() @IsInt() @Min(1) @Max(3650)
  retentionDays?: number;
}

export class TenantSettingsDto {
  @ApiPropertyOptional({ type: DeprovisioningSettingsDto })
  @IsOptional() @ValidateNested() @Type(() => DeprovisioningSettingsDto)
  deprovisioning?: DeprovisioningSettingsDto;

  @ApiPropertyOptional({ type: GroupSettingsDto })
  @IsOptional() @ValidateNested() @Type(() => GroupSettingsDto)
  groups?: GroupSettingsDto;

  @ApiPropertyOptional({ type: RetentionSettingsDto })
  @IsOptional() @ValidateNested() @Type(() => RetentionSettingsDto)
  audit?: RetentionSettingsDto;

  @ApiPropertyOptional({ type: RetentionSettingsDto })
  @IsOptional() @ValidateNested() @Type(() => RetentionSettingsDto)
  events?: RetentionSettingsDto;
}
