import { TenantRef } from '@provisio/database';
import { TenantSettings } from './tenant-settings';

/** The tenant a SCIM request acts for, resolved from its bearer token, with settings already defaulted. */
export interface ScimTenant extends TenantRef {
  settings: TenantSettings;
}
