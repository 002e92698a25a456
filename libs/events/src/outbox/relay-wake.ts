import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { MAX_TENANTS_PER_NOTIFY, OUTBOX_NOTIFY_CHANNEL } from './outbox-channel';
import { takeNotedTenants } from './wake-after-commit';

const ERROR_LOG_INTERVAL_MS = 30000;

/**
 * Wakes the relay after a transaction that wrote outbox events has committed: a NOTIFY in a statement of its own,
 * outside every write transaction, so no SCIM write holds or waits for Postgres' cluster-wide notify lock.
 *
 * Coalesced and fire-and-forget: at most one NOTIFY is in flight per process; tenants that commit meanwhile ride
 * on the next one (one statement for any number of commits under load, one round trip of delay when idle). The
 * request never waits for it. A lost wake (error, pool exhausted, no worker listening) costs at most one relay
 * poll interval: the relay polls the outbox anyway.
 *
 * Registered as a TypeORM subscriber of the app's DataSource, so every `dataSource.transaction()` in which
 * OutboxWriter.add() ran triggers it on commit.
 */
@Injectable()
export class RelayWake implements EntitySubscriberInterface {
  private readonly logger = new Logger(RelayWake.name);
  private readonly pending = new Set<string>();
  private flushing = false;
  private lastErrorLog = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not a commit; the outermost COMMIT is.
    if (event.queryRunner.isTransactionActive) return;
    this.signal(takeNotedTenants(event.queryRunner));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takeNotedTenants(event.queryRunner);
  }

  /** Wake the relay for these tenants soon. Never throws, never waits. */
  signal(tenantIds: string[]): void {
    for (const tenantId of tenantIds) this.pending.add(tenantId);
    if (this.flushing || this.pending.size === 0) return;
    this.flushing = true;
    // Commits finishing in the same turn of the event loop share one NOTIFY.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size) {
        const batch = [...this.pending].slice(0, MAX_TENANTS_PER_NOTIFY);
        for (const tenantId of batch) this.pending.delete(tenantId);
        await this.dataSource.query(`SELECT pg_notify($1, $2)`, [OUTBOX_NOTIFY_CHANNEL, batch.join(',')]);
      }
    } catch (error) {
      this.pending.clear(); // the relay's poll finds these events
      this.logThrottled(error as Error);
    } finally {
      this.flushing = false;
    }
  }

  private logThrottled(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLog = now;
    this.logger.warn(`relay wake-up failed (${error.message}); the relay's poll picks the events up`);
  }
}
