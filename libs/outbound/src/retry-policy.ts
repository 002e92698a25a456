import { OutboundBlockedError } from './outbound-errors';

export interface RetrySettings {
  /** Delay before the second attempt; each later one doubles, up to maxDelayMs. */
  baseMs: number;
  /** After this long since the first attempt a failing delivery is dead. */
  maxAgeMs: number;
  maxDelayMs?: number;
}

export type AttemptVerdict =
  | { kind: 'success' }
  | { kind: 'retry'; retryAfterMs?: number }
  | { kind: 'permanent' };

const ONE_HOUR = 3_600_000;

/**
 * 2xx succeeds. 408, 429 and 5xx are worth another try (429 and 503 may say when in Retry-After);
 * other statuses, including 3xx since redirects are never followed, will not change by retrying.
 */
export function judgeStatus(status: number, retryAfter?: string | string[]): AttemptVerdict {
  if (status >= 200 && status < 300) return { kind: 'success' };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', retryAfterMs: parseRetryAfter(retryAfter) };
  return { kind: 'permanent' };
}

/** Network errors and timeouts are retried; a target the SSRF policy refuses is not. */
export function judgeError(error: unknown): AttemptVerdict {
  return error instanceof OutboundBlockedError ? { kind: 'permanent' } : { kind: 'retry' };
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * When to try again after `attempts` failed attempts, or null when the delivery is dead. Exponential
 * backoff with "equal jitter" (half fixed, half random) so endpoints that failed together do not retry
 * in lockstep; never earlier than a Retry-After asks; the last attempt lands at the end of the window.
 */
export function nextRetryDelay(
  settings: RetrySettings,
  attempts: number,
  firstAttemptAt: Date,
  retryAfterMs?: number,
  now = Date.now(),
  random = Math.random,
): number | null {
  const remaining = firstAttemptAt.getTime() + settings.maxAgeMs - now;
  if (remaining <= 0) return null;
  const exponential = Math.min(settings.maxDelayMs ?? ONE_HOUR, settings.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.round(Math.min(remaining, Math.max(jittered, retryAfterMs ?? 0)));
}
