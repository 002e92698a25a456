export * from './scim.module';
export * from './schema';
export { SCIM_LIMITS, ScimLimits } from './http/scim-limits';
export { MAX_VALUES_PER_ATTRIBUTE } from './resource-model/value-limits';
export { ScimContext } from './http/scim-context';
export { ScimUsersService } from './users/scim-users.service';
export * from './openapi';
