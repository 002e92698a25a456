import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditSealer } from './audit-sealer.service';

/** How often the worker looks for unsealed events. One index probe on a partial index that holds only those. */
export const AUDIT_SEAL_INTERVAL_MS = 250;
/** How often it also looks for quiet tenants whose newest events still lack a signed checkpoint. */
export const CHECKPOINT_SWEEP_MS = 5000;

/**
 * The worker's background sealer: every AUDIT_SEAL_INTERVAL_MS it seals each tenant that has committed, unsealed
 * events. Several workers share the work: a tenant another worker is sealing is skipped (its head is locked).
 * Events therefore carry their sequence and hash well within a second of commit at light load. Every
 * CHECKPOINT_SWEEP_MS it also signs the head of tenants that went quiet since their last checkpoint.
 */
@Injectable()
export class AuditSealLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSealer');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = true;
  private closing = false;
  intervalMs = AUDIT_SEAL_INTERVAL_MS;
  private lastSweep = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** One pass over every tenant with unsealed events (and, now and then, an unsigned head); returns how many events it sealed. */
  async sealAll(): Promise<number> {
    const tenants: Array<{ tenant_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT tenant_id FROM audit_events WHERE sequence IS NULL`,
    );
    if (Date.now() - this.lastSweep >= CHECKPOINT_SWEEP_MS) {
      this.lastSweep = Date.now();
      const unsigned: Array<{ tenant_id: string }> = await this.dataSource.query(
        `SELECT tenant_id FROM audit_chain_heads
         WHERE last_sequence > checkpoint_sequence AND (checkpointed_at IS NULL OR checkpointed_at <= now() - make_interval(secs => $1))`,
        [this.sealer.checkpointIntervalMs / 1000],
      );
      tenants.push(...unsigned);
    }
    let sealed = 0;
    for (const tenantId of new Set(tenants.map((row) => row.tenant_id))) {
      if (this.closing) break; // shutting down: the next worker (or the next read) seals the rest
      sealed += (await this.sealer.seal(tenantId)) ?? 0;
    }
    return sealed;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.pass = this.sealAll()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`audit sealing pass failed, retrying: ${error.message}`))
        .finally(() => {
          this.pass = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delayMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    await this.pass;
  }
}
