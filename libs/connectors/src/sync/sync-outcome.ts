import { AttemptSummary, judgeError, judgeStatus } from '@provisio/outbound';
import { ConnectorProtocolError, ConnectorRequestError } from '../connector';

/**
 * How one attempt ended, in the terms of the shared retry policy (the same as webhooks): an HTTP answer of
 * the store is judged by its status (408, 429, 5xx retried, Retry-After honoured; other 4xx final), network
 * errors and timeouts are retried, a target the SSRF guard refuses is not, nor is an answer that makes no
 * sense (ConnectorProtocolError).
 */
export function syncSucceeded(startedAt: Date): AttemptSummary {
  return { startedAt, statusCode: null, error: null, verdict: { kind: 'success' } };
}

export function syncFailed(startedAt: Date, error: unknown): AttemptSummary {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (error instanceof ConnectorRequestError) {
    return { startedAt, statusCode: error.status, error: message, verdict: judgeStatus(error.status, error.retryAfter) };
  }
  if (error instanceof ConnectorProtocolError) return { startedAt, statusCode: null, error: message, verdict: { kind: 'permanent' } };
  return { startedAt, statusCode: null, error: message, verdict: judgeError(error) };
}
