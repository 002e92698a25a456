// What libs with admin endpoints share, below tenancy and audit so neither imports the other:
// the admin API decorator and ADMIN_TOKEN guard, and the per-tenant settings the admin API edits.
export * from './admin-api.decorator';
export * from './admin-token.guard';
export * from './secret-hash';
export * from './tenant-settings';
