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
// The admin decorator and guard moved to @provisio/admin (audit uses them and must not import tenancy);
// libs that import them from here keep working.
export { ADMIN_BEARER, AdminApi, AdminAuthError, AdminTokenGuard, authenticateOperator, CurrentOperator, Operator, OperatorRole, OPERATOR_ROLES, OperatorRequest, OperatorRoleError } from '@provisio/admin';
export * from './operators/operator-key.entity';
export * from './operators/operator-keys.service';
export * from './tokens/tenant-route';
