import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckpointCheckDto } from './audit-checkpoint.dto';

export class AuditChangeDto {
  @ApiProperty({ example: 'name.givenName' }) path: string;
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'truncated'], example: 'replace' }) op: string;
  @ApiPropertyOptional({ example: 'Barbara' }) before?: unknown;
  @ApiPropertyOptional({ example: 'Babs' }) after?: unknown;
  @ApiPropertyOptional({ description: 'On a truncated marker: how many further changes were not stored' }) omitted?: number;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid', example: '0b6a3c1e-5f2d-4a8e-9c41-7d2e8f9a1b35' }) id: string;
  @ApiProperty({ format: 'uuid', example: '9d1f2c7a-3e4b-4c5d-8e6f-0a1b2c3d4e5f' }) tenantId: string;
  @ApiProperty({
    example: 42, nullable: true, type: Number,
    description: 'Position in the tenant chain, gapless from 1. Set by the sealer moments after commit; lists and exports show sealed events only, ' +
      'so null appears only on an event fetched by id in that moment',
  }) sequence: number | null;
  @ApiProperty({ example: '2026-11-23T09:30:00.123Z' }) occurredAt: string;
  @ApiProperty({ example: 'user.updated', description: 'See docs/audit.md for the list: user.*, group.*, tenant.*, token.*, oauth_client.*, webhook.*, connector.*' }) action: string;
  @ApiProperty({ enum: ['success', 'failure'], example: 'success' }) outcome: string;
  // The example event is a success, which has no status or scimType; the descriptions show a failure's.
  @ApiPropertyOptional({ example: null, nullable: true, type: Number, description: 'HTTP status of a refused request (failures only), e.g. 409' }) status: number | null;
  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: 'SCIM error type of a refused request (failures only), e.g. uniqueness' }) scimType: string | null;
  @ApiProperty({ example: 'User' }) resourceType: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2819c223-7f76-453a-919d-413861904646', description: 'id of the User, Group, token, ... at the time' }) resourceId: string | null;
  @ApiPropertyOptional({ example: 'bjensen@example.com', nullable: true, type: String, description: 'userName, displayName, token prefix, ... at the time' }) resourceName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '701984' }) externalId: string | null;
  @ApiProperty({
    description: 'Who acted: `{type:"token", tokenId, tokenPrefix, tokenKind}` for a SCIM token or OAuth client, `{type:"admin"}` (with operatorKeyId, operatorKeyPrefix and role for an operator key), or `{type:"system", job}`',
    type: 'object', additionalProperties: true,
    example: { type: 'token', tokenId: '4c7e9b1a-2d3f-4e5a-8b6c-9d0e1f2a3b4c', tokenPrefix: 'scim_Ab12', tokenKind: 'static' },
  }) actor: object;
  @ApiPropertyOptional({ nullable: true, type: String, example: '3f2b6c1d-8e9a-4b7c-a1d2-e3f4a5b6c7d8', description: 'X-Request-Id of the request, also in the application log' }) requestId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '20.190.128.17' }) clientIp: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Azure AD SCIM Client' }) userAgent: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: null, description: 'A short, safe description; for a failure the error detail (never the request body)' }) summary: string | null;
  @ApiProperty({ example: 0, description: 'Failures of the same tenant, actor and status left out by the rate limit before this one' }) suppressed: number;
  @ApiPropertyOptional({
    type: [AuditChangeDto], nullable: true,
    description: 'Attribute-level diff of the resource (for PATCH the resulting change); secrets show as "[redacted]"; null on failures',
  }) changes: AuditChangeDto[] | null;
  @ApiProperty({ description: 'SHA-256 chain hash, hex (null until sealed, like sequence)', nullable: true, type: String, example: '5d41402abc4b2a76b9719d911017c592ae5f6c1e9b0d3a8f7e6c5b4a39281706' }) hash: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiPropertyOptional({ nullable: true, type: String, example: '1234', description: 'Pass as `cursor` for the next (older) page; null on the last page' }) nextCursor: string | null;
}

export class ChainVerificationDto {
  @ApiProperty({ example: true, description: 'Every stored event matches its hash and follows its predecessor, and the checkpoint (if any) still holds' }) ok: boolean;
  @ApiProperty({ example: 1200, description: 'Events recomputed (from the retention anchor, or the first event, to the head)' }) checked: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: null, description: 'The first event that does not match; null when ok, or when events at the end are missing' }) firstBrokenEventId: string | null;
  @ApiPropertyOptional({ example: 'event 17 does not match its hash', description: 'Only when not ok' }) reason?: string;
  @ApiProperty({ example: 1200, description: 'Sequence of the newest event' }) headSequence: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: '5d41402abc4b2a76b9719d911017c592ae5f6c1e9b0d3a8f7e6c5b4a39281706', description: 'Hash of the newest event: keep it elsewhere to detect a rewrite of the whole chain later' }) headHash: string | null;
  @ApiProperty({
    example: 0,
    description: 'Committed events not sealed yet (no sequence or hash): they are neither checked nor a failure. Verify seals what has ' +
      'committed before it reads, so this is 0 unless events commit during the verification',
  }) pending: number;
  @ApiPropertyOptional({
    type: CheckpointCheckDto,
    description: 'The checkpoint checked: the one in the request (POST), or else the newest one the sealer signed with the current key; absent when there is none',
  }) checkpoint?: CheckpointCheckDto;
}
