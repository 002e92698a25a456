// The admin decorator comes first: @provisio/audit uses it and is itself imported by tenancy.module,
// so it must be defined before that module is loaded, whichever lib a process loads first.
export * from './admin/admin-api.decorator';
export * from './tenancy.module';
export * from './tenants/tenant.entity';
export * from './tenants/tenant-settings';
export * from './tenants/scim-tenant';
export * from './tenants/tenants.service';
export * from './tenants/tenancy-errors';
export * from './tokens/api-token.entity';
export * from './tokens/api-tokens.service';
export * from './oauth/oauth-clients.service';
export * from './auth/scim-principal';
export * from './auth/scim-bearer.guard';
export * from './auth/current-tenant.decorator';
export * from './auth/admin-token.guard';
export * from './operators/operator-role';
export * from './operators/operator-key.entity';
export * from './operators/operator-keys.service';
export * from './operators/current-operator.decorator';
export * from './operators/authenticate-operator';
