export type DeliveryStatus = 'pending' | 'failed' | 'succeeded' | 'dead';

/**
 * A table of ordered deliveries (webhook_deliveries, connector_syncs): one row per (target, event) with the
 * columns below. `target` names the column of the endpoint or connector. Both are constants of the owning lib,
 * never input, since they are spliced into SQL.
 */
export interface OrderedTable {
  table: string;
  target: string;
}

/** pending: not tried yet (or replayed); failed: tried, another attempt is scheduled; succeeded and dead are final. */
export interface OrderedRow {
  tenant_id: string;
  id: string;
  target_id: string;
  event_id: string;
  event_type: string;
  event_sequence: string;
  resource_key: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  first_attempt_at: Date | null;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  lease_until: Date | null;
  created_at: Date;
  completed_at: Date | null;
  /** traceparent of the request that wrote the event (null when untraced). */
  trace_context: string | null;
}

export function isFinal(status: DeliveryStatus): boolean {
  return status === 'succeeded' || status === 'dead';
}
