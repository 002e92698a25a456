// Tenant settings live in @provisio/admin: libs/audit reads them too, and must not import tenancy.
export { DEACTIVATE_ACTIONS, DEFAULT_TENANT_SETTINGS, DELETE_ACTIONS, TenantSettingsDto, withDefaults } from '@provisio/admin';
export type { DeactivateAction, DeleteAction, TenantSettings, TenantSettingsPatch } from '@provisio/admin';
