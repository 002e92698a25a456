/** Tunables of the relay and the worker's job locks; defaults suit production, tests shorten the timings. */
export interface EventsWorkerOptions {
  /** Poll for undispatched events this often, in case a wake-up was lost (listener reconnecting, pool busy). */
  pollIntervalMs: number;
  /** Events numbered and recorded per tenant per relay transaction (one statement per subscriber per batch). */
  relayBatchSize: number;
  /** Tenants relayed in parallel by one process. */
  relayParallelTenants: number;
  /** BullMQ job lock: a worker that dies mid-job loses its job to another worker after this long. */
  lockDurationMs: number;
  /** How often workers look for jobs whose worker died. */
  stalledIntervalMs: number;
  /** Run the relay in this process (every worker does by default; they share the work per tenant). */
  relay: boolean;
  /** How often the retention purge runs. */
  purgeEveryMs: number;
}

export const DEFAULT_EVENTS_WORKER_OPTIONS: EventsWorkerOptions = {
  pollIntervalMs: 1000,
  relayBatchSize: 500,
  relayParallelTenants: 4,
  lockDurationMs: 30000,
  stalledIntervalMs: 15000,
  relay: true,
  purgeEveryMs: 3600000,
};

export const EVENTS_WORKER_OPTIONS = Symbol('EVENTS_WORKER_OPTIONS');
