import { Injectable } from '@nestjs/common';

export interface FailureLimits {
  /** Failures recorded back to back before limiting starts. */
  burst: number;
  /** One more failure may be recorded every this many milliseconds. */
  refillMs: number;
  /** Buckets kept in memory; the least recently created is dropped beyond this. */
  maxKeys: number;
}

/** Per (tenant, actor, status): 20 at once, then one every 30 s, i.e. at most ~2,900 failure events a day per key and replica. */
export const DEFAULT_FAILURE_LIMITS: FailureLimits = { burst: 20, refillMs: 30_000, maxKeys: 10_000 };

interface Bucket {
  tokens: number;
  updatedAt: number;
  suppressed: number;
}

export type FailureDecision = { record: true; suppressedBefore: number } | { record: false };

/**
 * A token bucket per (tenant, actor, status), in memory: a client hammering bad requests fills its bucket
 * and further failures are only counted; the next failure that is recorded carries that count
 * (`suppressed`), so the log stays bounded yet says how much was left out.
 */
@Injectable()
export class FailureRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  limits: FailureLimits = DEFAULT_FAILURE_LIMITS;
  now: () => number = Date.now;

  take(key: string): FailureDecision {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.limits.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      bucket = { tokens: this.limits.burst, updatedAt: now, suppressed: 0 };
      this.buckets.set(key, bucket);
    }
    const refilled = Math.floor((now - bucket.updatedAt) / this.limits.refillMs);
    if (refilled > 0) {
      bucket.tokens = Math.min(this.limits.burst, bucket.tokens + refilled);
      bucket.updatedAt = bucket.tokens === this.limits.burst ? now : bucket.updatedAt + refilled * this.limits.refillMs;
    }
    if (bucket.tokens < 1) {
      bucket.suppressed++;
      return { record: false };
    }
    bucket.tokens--;
    const suppressedBefore = bucket.suppressed;
    bucket.suppressed = 0;
    return { record: true, suppressedBefore };
  }
}
