import { judgeError, judgeStatus, nextRetryDelay, parseRetryAfter } from './retry-policy';
import { OutboundBlockedError, OutboundNetworkError } from './outbound-errors';

describe('retry policy', () => {
  const settings = { baseMs: 1000, maxAgeMs: 86_400_000 };
  const start = new Date('2026-11-23T00:00:00Z');

  it('retries 408, 429 and 5xx, gives up at once on other statuses', () => {
    expect(judgeStatus(204)).toEqual({ kind: 'success' });
    expect(judgeStatus(500).kind).toBe('retry');
    expect(judgeStatus(503, '7')).toEqual({ kind: 'retry', retryAfterMs: 7000 });
    expect(judgeStatus(429).kind).toBe('retry');
    expect(judgeStatus(408).kind).toBe('retry');
    expect(judgeStatus(400).kind).toBe('permanent');
    expect(judgeStatus(301).kind).toBe('permanent');
  });

  it('retries network errors but not a target refused by the SSRF policy', () => {
    expect(judgeError(new OutboundNetworkError('timeout', 'timeout')).kind).toBe('retry');
    expect(judgeError(new OutboundBlockedError('x', '127.0.0.1')).kind).toBe('permanent');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('doubles the delay with jitter between half and all of it, capped at an hour', () => {
    const at = start.getTime() + 1000;
    expect(nextRetryDelay(settings, 1, start, undefined, at, () => 0)).toBe(500);
    expect(nextRetryDelay(settings, 1, start, undefined, at, () => 1)).toBe(1000);
    expect(nextRetryDelay(settings, 4, start, undefined, at, () => 1)).toBe(8000);
    expect(nextRetryDelay(settings, 30, start, undefined, at, () => 1)).toBe(3_600_000);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(nextRetryDelay(settings, 1, start, 60_000, start.getTime(), () => 1)).toBe(60_000);
  });

  it('schedules the last attempt at the end of the window and is dead after it', () => {
    const nearEnd = start.getTime() + settings.maxAgeMs - 200;
    expect(nextRetryDelay(settings, 20, start, undefined, nearEnd, () => 1)).toBe(200);
    expect(nextRetryDelay(settings, 21, start, undefined, start.getTime() + settings.maxAgeMs)).toBeNull();
  });
});
