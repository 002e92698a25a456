export interface AuditFilters {
  from: string;
  to: string;
  action: string;
  resourceType: string;
  resourceName: string;
  actor: string;
  outcome: string;
}

export const NO_FILTERS: AuditFilters = { from: '', to: '', action: '', resourceType: '', resourceName: '', actor: '', outcome: '' };

/** datetime-local gives local time without a zone; the API wants ISO 8601. */
export function isoOrUndefined(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}
