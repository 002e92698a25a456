/**
 * Postgres NOTIFY channel that wakes the relay. The payload is a comma-separated list of tenant ids with newly
 * committed events. It is sent AFTER the writing transaction committed, by RelayWake, never inside it: a
 * transaction that notifies takes a cluster-wide lock at commit (PreCommit_Notify), which would make every
 * tenant's writes commit one at a time.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'provisio_outbox';

/** Postgres refuses NOTIFY payloads of 8000 bytes or more; 36-character ids plus a comma each. */
export const MAX_TENANTS_PER_NOTIFY = 200;
