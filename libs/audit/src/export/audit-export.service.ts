import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIT_EVENT_COLUMNS, SealedAuditEventRow, SealedAuditEventView, toAuditEventView } from '../query/audit-event-row';
import { sequenceRange } from '../query/sequence-range';
import { assertTenantExists } from '../query/tenant-exists';
import { AuditSealer } from '../sealer/audit-sealer.service';
import { ExportFormat, toCsv, toNdjson } from './export-formats';

/** Rows fetched per round trip: memory holds one batch whatever the size of the range. */
export const EXPORT_BATCH_SIZE = 1000;

@Injectable()
export class AuditExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  /**
   * Checks the tenant, then returns the export as an async sequence of text chunks, oldest event first.
   * Keyset batches on the primary key (no transaction held open for the whole download); the range's upper end
   * is fixed when the export starts (after sealing what had committed), so events written meanwhile are not
   * half-included.
   */
  async open(tenantId: string, format: ExportFormat, from?: Date, to?: Date): Promise<AsyncIterable<string>> {
    const db = this.dataSource.manager;
    await assertTenantExists(db, tenantId);
    await this.sealer.sealBeforeRead(tenantId);
    const range = await sequenceRange(db, tenantId, from, to);
    const [head] = await db.query(`SELECT last_sequence FROM audit_chain_heads WHERE tenant_id = $1`, [tenantId]);
    const last = Math.min(range?.last ?? 0, head ? Number(head.last_sequence) : 0);
    return this.chunks(tenantId, format, range ? range.first - 1 : 0, range ? last : 0);
  }

  private async *chunks(tenantId: string, format: ExportFormat, after: number, last: number): AsyncGenerator<string> {
    let cursor = after;
    let first = true;
    while (cursor < last) {
      const rows: SealedAuditEventRow[] = await this.dataSource.query(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND sequence > $2 AND sequence <= $3 ORDER BY sequence LIMIT ${EXPORT_BATCH_SIZE}`,
        [tenantId, cursor, last],
      );
      if (!rows.length) break;
      const events = rows.map(toAuditEventView) as SealedAuditEventView[];
      yield format === 'csv' ? toCsv(events, first) : toNdjson(events);
      first = false;
      cursor = events[events.length - 1].sequence;
    }
    // An empty CSV export still names its columns.
    if (format === 'csv' && first) yield toCsv([], true);
  }
}
