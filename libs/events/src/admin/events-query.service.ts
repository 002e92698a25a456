import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppError, BadRequestError } from '@provisio/observability';
import { TenantsService, withDefaults } from '@provisio/tenancy';
import { DataSource } from 'typeorm';
import { EventEnvelope } from '../event-envelope';
import { EventType, isEventType } from '../event-types';
import { OUTBOX_ENVELOPE_COLUMNS, OutboxRow, toEnvelope } from '../outbox/outbox-row';
import { assignSequences } from '../relay/assign-sequences';
import { underTenantLock } from '../relay/relay-tenant';

export interface EventPage {
  items: EventEnvelope[];
  /** Pass as `after` to continue; equals `after` when nothing new arrived, so a consumer can keep polling with it. */
  nextCursor: string;
  hasMore: boolean;
}

export class EventsPurgedError extends AppError {
  constructor(after: number, oldest: number, retentionDays: number) {
    super(410, `Events after cursor ${after} are past the tenant's ${retentionDays}-day retention and were purged; ` +
      `the oldest retained event has sequence ${oldest} (continue with after=${oldest - 1} after a full resync)`);
  }
}

const NUMBERING_BATCH = 1000;

/** The pull API: a tenant's events in commit order (by sequence) after a cursor. */
@Injectable()
export class EventsQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
  ) {}

  async list(tenantId: string, query: { after?: string; types?: string; limit?: number }): Promise<EventPage> {
    const tenant = await this.tenants.get(tenantId);
    const after = Number(query.after ?? 0);
    const types = parseTypes(query.types);
    const limit = query.limit ?? 100;
    // Number what has committed so a reader is never behind a stopped or busy worker. Skipped if a relay
    // holds the tenant right now: it is numbering them, and the next poll sees them.
    await underTenantLock(this.dataSource, tenantId, (qr, last) => assignSequences(qr, tenantId, last, NUMBERING_BATCH));
    await this.assertNotPurged(tenantId, after, withDefaults(tenant.settings).events.retentionDays);
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT ${OUTBOX_ENVELOPE_COLUMNS} FROM outbox_events
       WHERE tenant_id = $1 AND sequence > $2 ${types ? 'AND type = ANY($4)' : ''}
       ORDER BY sequence LIMIT $3`,
      types ? [tenantId, after, limit + 1, types] : [tenantId, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(toEnvelope);
    return {
      items,
      nextCursor: String(items.length ? items[items.length - 1].sequence : after),
      hasMore: rows.length > limit,
    };
  }

  /** A cursor older than the retention window would silently skip events; say so instead. */
  private async assertNotPurged(tenantId: string, after: number, retentionDays: number): Promise<void> {
    const [state] = await this.dataSource.query(
      `SELECT (SELECT min(sequence) FROM outbox_events WHERE tenant_id = $1) AS oldest,
              (SELECT last_sequence FROM outbox_sequences WHERE tenant_id = $1) AS last`,
      [tenantId],
    );
    const last = Number(state.last ?? 0);
    const oldest = state.oldest === null ? last + 1 : Number(state.oldest);
    if (after + 1 < oldest && after < last) throw new EventsPurgedError(after, oldest, retentionDays);
  }
}

function parseTypes(raw?: string): EventType[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const types = raw.split(',').map((type) => type.trim()).filter(Boolean);
  const unknown = types.filter((type) => !isEventType(type));
  if (unknown.length) throw new BadRequestError(`Unknown event type(s): ${unknown.join(', ')}`);
  return types as EventType[];
}
