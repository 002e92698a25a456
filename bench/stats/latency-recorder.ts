export interface LatencySummary {
  count: number;
  errors: number;
  /** Requests per second over the phase's wall time, when one was given. */
  perSecond?: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Non-expected HTTP statuses and how often they came back. */
  statuses?: Record<string, number>;
}

/** Nearest-rank percentile of an ascending array (what HDR histograms report, without bucketing). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Collects the latencies of one request type; unexpected statuses are counted as errors, not timed. */
export class LatencyRecorder {
  private readonly samples: number[] = [];
  private readonly unexpected = new Map<number, number>();

  record(ms: number): void {
    this.samples.push(ms);
  }

  error(status: number): void {
    this.unexpected.set(status, (this.unexpected.get(status) ?? 0) + 1);
  }

  /** Takes another recorder's samples and errors (phases measured apart, reported together). */
  merge(other: LatencyRecorder): void {
    this.samples.push(...other.samples);
    for (const [status, n] of other.unexpected) this.unexpected.set(status, (this.unexpected.get(status) ?? 0) + n);
  }

  get count(): number {
    return this.samples.length;
  }

  summary(wallMs?: number, from = 0, to = this.samples.length): LatencySummary {
    const slice = this.samples.slice(from, to);
    const sorted = [...slice].sort((a, b) => a - b);
    const errors = [...this.unexpected.values()].reduce((a, b) => a + b, 0);
    const summary: LatencySummary = {
      count: slice.length,
      errors,
      mean: round(slice.reduce((a, b) => a + b, 0) / Math.max(1, slice.length)),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
    };
    if (wallMs !== undefined) summary.perSecond = round((slice.length / wallMs) * 1000);
    if (errors > 0) summary.statuses = Object.fromEntries([...this.unexpected].map(([status, n]) => [String(status), n]));
    return summary;
  }
}
