import { AttemptVerdict, judgeError, judgeStatus, OutboundBlockedError, OutboundResponse } from '@provisio/outbound';

/** One attempt as it is logged: webhook_delivery_attempts and the admin API's delivery log. */
export interface AttemptResult {
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  outcome: 'succeeded' | 'failed' | 'refused';
  error: string | null;
  /** At most 1 KB of what the receiver answered. */
  responseExcerpt: string | null;
  verdict: AttemptVerdict;
}

export const RESPONSE_EXCERPT_BYTES = 1024;

export function resultFromResponse(startedAt: Date, res: OutboundResponse): AttemptResult {
  const verdict = judgeStatus(res.status, res.headers['retry-after']);
  return {
    startedAt,
    statusCode: res.status,
    latencyMs: res.latencyMs,
    outcome: verdict.kind === 'success' ? 'succeeded' : 'failed',
    error: verdict.kind === 'success' ? null : `HTTP ${res.status}`,
    responseExcerpt: res.body || null,
    verdict,
  };
}

export function resultFromError(startedAt: Date, error: unknown): AttemptResult {
  return {
    startedAt,
    statusCode: null,
    latencyMs: Date.now() - startedAt.getTime(),
    outcome: error instanceof OutboundBlockedError ? 'refused' : 'failed',
    error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
    responseExcerpt: null,
    verdict: judgeError(error),
  };
}
