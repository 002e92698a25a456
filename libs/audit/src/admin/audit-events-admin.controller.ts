import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import type { Response } from 'express';
import { ChainVerifier } from '../chain/chain-verifier.service';
import { AuditExportService } from '../export/audit-export.service';
import { EXPORT_CONTENT_TYPES } from '../export/export-formats';
import { AuditEventsService } from '../query/audit-events.service';
import { AuditEventDto, AuditEventPageDto, ChainVerificationDto } from './audit-event.dto';
import { ExportAuditEventsQueryDto, ListAuditEventsQueryDto, toFilters } from './audit-events-query.dto';

@AdminApi('Admin: audit log')
@ApiNotFoundResponse({ description: 'Unknown tenant or event' })
@Controller('admin/v1/tenants/:tenantId/audit-events')
export class AuditEventsAdminController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly verifier: ChainVerifier,
    private readonly exporter: AuditExportService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit log, newest first; follow nextCursor for older events' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Param('tenantId') tenantId: string, @Query() query: ListAuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.events.list(tenantId, toFilters(query), query.limit ?? 50, query.cursor ? Number(query.cursor) : undefined);
  }

  // Declared before ':eventId' so Express does not read "verify" or "export" as an event id.
  @Get('verify')
  @ApiOperation({ summary: "Recompute the tenant's hash chain and report the first event that does not match" })
  @ApiOkResponse({ type: ChainVerificationDto })
  verify(@Param('tenantId') tenantId: string): Promise<ChainVerificationDto> {
    return this.verifier.verify(tenantId);
  }

  @Get('export')
  @ApiOperation({ summary: 'Stream a time range of the audit log, oldest first, as NDJSON or CSV' })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOkResponse({ description: 'One event per line (NDJSON) or row (CSV)' })
  async export(@Param('tenantId') tenantId: string, @Query() query: ExportAuditEventsQueryDto, @Res() res: Response): Promise<void> {
    const format = query.format ?? 'ndjson';
    const chunks = await this.exporter.open(tenantId, format, query.from ? new Date(query.from) : undefined, query.to ? new Date(query.to) : undefined);
    res.status(200);
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="audit-${tenantId}.${format}"`);
    // highWaterMark 1: the next batch is fetched only once the socket has taken the previous one, so a slow
    // download holds about one batch in memory however long the range.
    Readable.from(chunks, { highWaterMark: 1 }).on('error', () => res.destroy()).pipe(res);
  }

  @Get(':eventId')
  @ApiOperation({ summary: 'One audit event with its full diff' })
  @ApiOkResponse({ type: AuditEventDto })
  get(@Param('tenantId') tenantId: string, @Param('eventId') eventId: string): Promise<AuditEventDto> {
    return this.events.get(tenantId, eventId);
  }
}
