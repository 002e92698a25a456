// What libs with admin endpoints share, below tenancy and audit so neither imports the other:
// the admin API decorator and ADMIN_TOKEN guard, and the per-tenant settings the admin API edits.
export * from './admin-api.decorator';
export * from './admin-token.guard';
export * from './secret-hash';
export * from './tenant-settings';
export * from './operators/operator-role';
export * from './operators/authenticate-operator';
export * from './operators/find-operator-key';
export * from './operators/current-operator.decorator';
