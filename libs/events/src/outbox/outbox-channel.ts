/**
 * Postgres NOTIFY channel the outbox insert signals on. Notifications are delivered only when the writing
 * transaction commits (and not at all on rollback), so the relay wakes exactly when there is something to move.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'provisio_outbox';
