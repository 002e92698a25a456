import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TenantSettingsPatch, withDefaults } from '@provisio/admin';
import { DataSource } from 'typeorm';
import { purgeTenantEvents } from './purge-tenant-events';

const DAY_MS = 86_400_000;
const TENANT_PAGE = 500;

/** Applies each tenant's `settings.audit.retentionDays` (default 365) to its audit log. */
@Injectable()
export class AuditRetentionService {
  private readonly logger = new Logger('AuditRetention');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purgeExpired(now: Date = new Date()): Promise<{ tenants: number; deleted: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let tenants = 0;
    let deleted = 0;
    for (;;) {
      const page: Array<{ id: string; settings: TenantSettingsPatch }> = await this.dataSource.query(
        `SELECT id, settings FROM tenants WHERE id > $1 ORDER BY id LIMIT ${TENANT_PAGE}`,
        [after],
      );
      for (const tenant of page) {
        const removed = await this.purgeTenant(tenant.id, withDefaults(tenant.settings).audit.retentionDays, now);
        tenants++;
        deleted += removed;
      }
      if (page.length < TENANT_PAGE) break;
      after = page[page.length - 1].id;
    }
    return { tenants, deleted };
  }

  async purgeTenant(tenantId: string, retentionDays: number, now: Date = new Date(), batchSize?: number): Promise<number> {
    const deleted = await purgeTenantEvents(this.dataSource, tenantId, new Date(now.getTime() - retentionDays * DAY_MS), batchSize);
    if (deleted) this.logger.log({ msg: 'purged audit events past retention', tenantId, retentionDays, deleted });
    return deleted;
  }
}
