import { ResyncSummary } from './reconcile';

export type ResyncStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ResyncView {
  id: string;
  connectorId: string;
  status: ResyncStatus;
  summary: ResyncSummary | null;
  error: string | null;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ResyncRow {
  id: string;
  connector_id: string;
  status: ResyncStatus;
  summary: ResyncSummary | null;
  error: string | null;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function toResyncView(row: ResyncRow): ResyncView {
  return {
    id: row.id,
    connectorId: row.connector_id,
    status: row.status,
    summary: row.summary,
    error: row.error,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
