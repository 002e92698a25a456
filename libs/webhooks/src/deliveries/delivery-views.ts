import { DeliveryRow, DeliveryStatus } from './delivery-row';

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  started_at: Date;
  status_code: number | null;
  latency_ms: number;
  outcome: string;
  error: string | null;
  response_excerpt: string | null;
}

export interface AttemptView {
  attempt: number;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  outcome: string;
  error: string | null;
  responseExcerpt: string | null;
}

export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  eventSequence: number;
  status: DeliveryStatus;
  attemptCount: number;
  createdAt: string;
  nextAttemptAt: string | null;
  completedAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  attempts: AttemptView[];
}

export function toAttemptView(row: AttemptRow): AttemptView {
  return {
    attempt: row.attempt,
    at: row.started_at.toISOString(),
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    outcome: row.outcome,
    error: row.error,
    responseExcerpt: row.response_excerpt,
  };
}

export function toDeliveryView(row: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  const open = row.status === 'pending' || row.status === 'failed';
  return {
    id: row.id,
    webhookId: row.target_id,
    eventId: row.event_id,
    eventType: row.event_type,
    eventSequence: Number(row.event_sequence),
    status: row.status,
    attemptCount: row.attempts,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: open ? row.next_attempt_at.toISOString() : null,
    completedAt: row.completed_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    attempts: attempts.filter((a) => a.delivery_id === row.id).map(toAttemptView),
  };
}
