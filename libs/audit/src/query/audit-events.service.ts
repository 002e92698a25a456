import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@provisio/database';
import { NotFoundError } from '@provisio/observability';
import { DataSource } from 'typeorm';
import { AuditSealer } from '../sealer/audit-sealer.service';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, AuditEventView, toAuditEventView } from './audit-event-row';
import { AuditEventFilters } from './audit-event-filters';
import { listQuery } from './list-query';
import { sequenceRange } from './sequence-range';
import { assertTenantExists } from './tenant-exists';

export interface AuditEventPage {
  items: AuditEventView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

@Injectable()
export class AuditEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /**
   * Newest first, keyset-paginated on sequence: a page is "sequence < cursor", so events committed while
   * someone pages (always higher sequences) never shift what the next page returns. Events committed before the
   * request are sealed first, so the first page includes them even while no worker runs.
   */
  async list(tenantId: string, filters: AuditEventFilters, limit: number, cursor?: number): Promise<AuditEventPage> {
    const db = this.dataSource.manager;
    await assertTenantExists(db, tenantId);
    await this.sealer.sealBeforeRead(tenantId);
    const range = await sequenceRange(db, tenantId, filters.from, filters.to);
    if (!range) return { items: [], nextCursor: null };
    const { sql, params } = listQuery(tenantId, filters, range, limit, cursor);
    const rows: AuditEventRow[] = await db.query(sql, params);
    const items = rows.slice(0, limit).map(toAuditEventView);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].sequence) : null };
  }

  async get(tenantId: string, eventId: string): Promise<AuditEventView> {
    const db = this.dataSource.manager;
    await assertTenantExists(db, tenantId);
    await this.sealer.sealBeforeRead(tenantId);
    const rows: AuditEventRow[] = isUuid(eventId)
      ? await db.query(`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND id = $2`, [tenantId, eventId])
      : [];
    if (!rows.length) throw new NotFoundError(`Audit event ${eventId} not found`);
    return toAuditEventView(rows[0]);
  }
}
