import { AuditOutcome } from '../writer/audit-entry';

export interface AuditEventFilters {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  /** userName or displayName at the time, case-insensitive. */
  resourceName?: string;
  externalId?: string;
  /** Token id (or system job name). */
  actor?: string;
  outcome?: AuditOutcome;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** A WHERE clause on audit_events for the filters; `$1` is always the tenant id. */
export function filterConditions(filters: AuditEventFilters, params: unknown[]): string[] {
  const where = ['tenant_id = $1'];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filters.action) where.push(`action = ${bind(filters.action)}`);
  if (filters.resourceType) where.push(`resource_type = ${bind(filters.resourceType)}`);
  if (filters.resourceId) where.push(`resource_id = ${bind(filters.resourceId)}`);
  // Spelled like the partial index audit_events_resource_name so the planner can use it.
  if (filters.resourceName) where.push(`resource_name IS NOT NULL AND lower(resource_name) = lower(${bind(filters.resourceName)})`);
  if (filters.externalId) where.push(`external_id = ${bind(filters.externalId)}`);
  if (filters.actor) where.push(`actor_id = ${bind(filters.actor)}`);
  if (filters.outcome) where.push(`outcome = ${bind(filters.outcome)}`);
  return where;
}
