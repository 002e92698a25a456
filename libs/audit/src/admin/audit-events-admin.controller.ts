import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces } from '@nestjs/swagger';
import { AdminApi } from '@provisio/tenancy';
import type { Response } from 'express';
import { ChainVerifier } from '../chain/chain-verifier.service';
import { AuditCheckpointsService } from '../checkpoints/audit-checkpoints.service';
import { AuditExportService } from '../export/audit-export.service';
import { EXPORT_CONTENT_TYPES } from '../export/export-formats';
import { AuditEventsService } from '../query/audit-events.service';
import { AuditCheckpointPageDto, CheckpointsQueryDto, VerifyAgainstCheckpointDto } from './audit-checkpoint.dto';
import { AuditEventDto, AuditEventPageDto, ChainVerificationDto } from './audit-event.dto';
import { ExportAuditEventsQueryDto, ListAuditEventsQueryDto, toFilters } from './audit-events-query.dto';

// No `example` on parameters: Swagger UI would pre-fill it, and a made-up tenant id only answers 404.
const TENANT_ID = { name: 'tenantId', format: 'uuid', description: 'Tenant id (POST /admin/v1/tenants returns it), e.g. `9d1f2c7a-3e4b-4c5d-8e6f-0a1b2c3d4e5f`' };
const EXPORT_EXAMPLE_NDJSON =
  '{"id":"0b6a3c1e-…","sequence":41,"occurredAt":"2026-11-02T09:30:00.123Z","action":"user.created","outcome":"success","resourceType":"User","resourceName":"bjensen@example.com",…}\n' +
  '{"id":"7e21d9f4-…","sequence":42,"occurredAt":"2026-11-02T09:31:12.004Z","action":"user.updated",…}\n';
const EXPORT_EXAMPLE_CSV =
  'sequence,id,occurredAt,action,outcome,status,scimType,resourceType,resourceId,resourceName,externalId,actorType,actorId,actorPrefix,requestId,clientIp,userAgent,summary,suppressed,changes,hash\n' +
  '42,7e21d9f4-…,2026-11-02T09:31:12.004Z,user.updated,success,,,User,2819c223-…,bjensen@example.com,701984,token,4c7e9b1a-…,scim_Ab12,3f2b6c1d-…,20.190.128.17,Azure AD SCIM Client,,0,"[{""path"":""title"",""op"":""add"",""after"":""Lead""}]",5d41402a…\n';

@AdminApi('Admin: audit log')
@ApiParam(TENANT_ID)
@ApiNotFoundResponse({ description: 'Unknown tenant, or an event of another tenant' })
@Controller('admin/v1/tenants/:tenantId/audit-events')
export class AuditEventsAdminController {
  constructor(
    private readonly events: AuditEventsService,
    private readonly verifier: ChainVerifier,
    private readonly exporter: AuditExportService,
    private readonly checkpoints: AuditCheckpointsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search the audit log, newest first; follow nextCursor for older events',
    description:
      'Filters combine with AND. Time bounds are ISO 8601 (from inclusive, to exclusive). Pages are keyset-paginated on the ' +
      "tenant's sequence number, so events written while you page never make a page skip or repeat one.\n\n" +
      'Examples: `?resourceId={userId}` (everything that happened to a user), `?userName=bjensen@example.com`, ' +
      '`?actor={tokenId}&from=2026-11-16T00:00:00Z&to=2026-11-23T00:00:00Z` (what a token did last week), `?outcome=failure`.',
  })
  @ApiOkResponse({ type: AuditEventPageDto, description: 'A page of events, newest first' })
  @ApiBadRequestResponse({ description: 'A malformed filter, time, cursor or limit' })
  list(@Param('tenantId') tenantId: string, @Query() query: ListAuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.events.list(tenantId, toFilters(query), query.limit ?? 50, query.cursor ? Number(query.cursor) : undefined);
  }

  // Declared before ':eventId' so Express does not read "verify" or "export" as an event id.
  @Get('verify')
  @ApiOperation({
    summary: "Recompute the tenant's hash chain and report the first event that does not match",
    description:
      'Walks the chain from the retention anchor (or the first event) to the head in one consistent snapshot. Any hand edit ' +
      'of a stored event, a deleted event or a missing newest event makes `ok` false.',
  })
  @ApiOkResponse({
    type: ChainVerificationDto,
    description: 'The verification result (200 also when the chain is broken: read `ok`)',
    examples: {
      intact: { summary: 'Intact chain', value: { ok: true, checked: 1200, firstBrokenEventId: null, headSequence: 1200, headHash: '5d41402a…' } },
      edited: {
        summary: 'A row edited by hand',
        value: { ok: false, checked: 17, firstBrokenEventId: '0b6a3c1e-5f2d-4a8e-9c41-7d2e8f9a1b35', reason: 'event 17 does not match its hash', headSequence: 1200, headHash: '5d41402a…' },
      },
    },
  })
  verify(@Param('tenantId') tenantId: string): Promise<ChainVerificationDto> {
    return this.verifier.verify(tenantId);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify the chain and prove it still extends a signed checkpoint kept outside the database',
    description:
      'Send an item of GET …/audit-events/checkpoints that you stored elsewhere (SIEM, object storage with retention lock). ' +
      "The signature must verify with this service's key, and the chain must still hold that hash at that sequence: someone " +
      'who rewrote the chain and its head in the database cannot make that true without the private key. `ok` is false, with ' +
      '`checkpoint.reason`, when it does not hold. See docs/audit.md, "Signed checkpoints".',
  })
  @ApiOkResponse({
    type: ChainVerificationDto,
    description: 'The verification result, with `checkpoint` saying whether the chain extends the given checkpoint',
    examples: {
      extends: {
        summary: 'The chain extends the checkpoint',
        value: { ok: true, checked: 1500, firstBrokenEventId: null, headSequence: 1500, headHash: '9a0c…', pending: 0, checkpoint: { source: 'given', sequence: 1200, ok: true } },
      },
      rewritten: {
        summary: 'The chain was rewritten after the checkpoint',
        value: {
          ok: false, checked: 1500, firstBrokenEventId: null, reason: 'checkpoint: the chain holds another hash at sequence 1200: it was rewritten after the checkpoint was signed',
          headSequence: 1500, headHash: '9a0c…', pending: 0,
          checkpoint: { source: 'given', sequence: 1200, ok: false, reason: 'the chain holds another hash at sequence 1200: it was rewritten after the checkpoint was signed' },
        },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'A malformed checkpoint (missing field, bad hash, signature not base64, …)' })
  verifyAgainst(@Param('tenantId') tenantId: string, @Body() body: VerifyAgainstCheckpointDto): Promise<ChainVerificationDto> {
    const { checkpoint } = body;
    return this.verifier.verify(tenantId, { ...checkpoint, signature: Buffer.from(checkpoint.signature, 'base64') });
  }

  @Get('checkpoints')
  @ApiOperation({
    summary: "Signed checkpoints of the tenant's chain, newest first, with the public key that checks them",
    description:
      'The sealer signs the chain head (sequence, hash, time) with Ed25519 at most once per AUDIT_CHECKPOINT_INTERVAL_SECONDS while ' +
      'the log grows. Copy them somewhere the database administrators cannot write, and check the chain against one later with ' +
      'POST …/audit-events/verify. `payload` is the exact text signed, so `openssl pkeyutl -verify` can check it offline too.',
  })
  @ApiOkResponse({ type: AuditCheckpointPageDto })
  @ApiBadRequestResponse({ description: 'A malformed cursor or limit' })
  listCheckpoints(@Param('tenantId') tenantId: string, @Query() query: CheckpointsQueryDto): Promise<AuditCheckpointPageDto> {
    return this.checkpoints.list(tenantId, query.limit ?? 50, query.cursor ? Number(query.cursor) : undefined);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Stream a time range of the audit log, oldest first, as NDJSON or CSV',
    description:
      'Streams in batches of 1,000 events as fast as the client reads, so any range can be exported. Events written after ' +
      'the export started are not included. Example: `?format=csv&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z` (October).',
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  @ApiOkResponse({
    description: 'One event per line (NDJSON, the same fields as the list) or row (CSV, with a header row)',
    content: {
      'application/x-ndjson': { schema: { type: 'string' }, example: EXPORT_EXAMPLE_NDJSON },
      'text/csv': { schema: { type: 'string' }, example: EXPORT_EXAMPLE_CSV },
    },
  })
  @ApiBadRequestResponse({ description: 'Unknown format or a malformed time' })
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
  @ApiOperation({ summary: 'One audit event with its full diff', description: "Another tenant's event id answers 404, as an unknown one does." })
  @ApiParam({ name: 'eventId', format: 'uuid', description: 'The `id` of an event from the list, e.g. `0b6a3c1e-5f2d-4a8e-9c41-7d2e8f9a1b35`' })
  @ApiOkResponse({ type: AuditEventDto, description: 'The event' })
  get(@Param('tenantId') tenantId: string, @Param('eventId') eventId: string): Promise<AuditEventDto> {
    return this.events.get(tenantId, eventId);
  }
}
