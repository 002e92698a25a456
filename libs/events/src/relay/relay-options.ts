/** Tunables of the relay and the fan-out; defaults suit production, tests shorten the timings. */
export interface EventsWorkerOptions {
  /** Poll for unsent events this often, in case a NOTIFY was missed (listener reconnecting, another API). */
  pollIntervalMs: number;
  /** Events numbered and published per tenant per relay transaction. */
  relayBatchSize: number;
  /** Tenants relayed in parallel by one process. */
  relayParallelTenants: number;
  /** BullMQ job lock: a worker that dies mid-job loses its job to another worker after this long. */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died. */
  stalledIntervalMs: number;
  /** Longest wait between retries of a failing subscriber. */
  maxRetryDelayMs: number;
  /** Run the relay in this process (every worker does by default; they share the work per tenant). */
  relay: boolean;
  /** Run the fan-out processors in this process. */
  fanOut: boolean;
  /** How often the retention purge runs. */
  purgeEveryMs: number;
}

export const DEFAULT_EVENTS_WORKER_OPTIONS: EventsWorkerOptions = {
  pollIntervalMs: 1000,
  relayBatchSize: 500,
  relayParallelTenants: 4,
  lockDurationMs: 30000,
  stalledIntervalMs: 15000,
  maxRetryDelayMs: 30000,
  relay: true,
  fanOut: true,
  purgeEveryMs: 3600000,
};

export const EVENTS_WORKER_OPTIONS = Symbol('EVENTS_WORKER_OPTIONS');
