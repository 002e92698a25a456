import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditChangeDto {
  @ApiProperty({ example: 'name.givenName' }) path: string;
  @ApiProperty({ enum: ['add', 'remove', 'replace', 'truncated'], example: 'replace' }) op: string;
  @ApiPropertyOptional({ example: 'Barbara' }) before?: unknown;
  @ApiPropertyOptional({ example: 'Babs' }) after?: unknown;
  @ApiPropertyOptional({ description: 'On a truncated marker: how many further changes were not stored' }) omitted?: number;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ example: 42, description: 'Position in the tenant chain, gapless from 1' }) sequence: number;
  @ApiProperty({ example: '2026-11-23T09:30:00.123Z' }) occurredAt: string;
  @ApiProperty({ example: 'user.updated' }) action: string;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome: string;
  @ApiPropertyOptional({ example: 409, nullable: true }) status: number | null;
  @ApiPropertyOptional({ example: 'uniqueness', nullable: true }) scimType: string | null;
  @ApiProperty({ example: 'User' }) resourceType: string;
  @ApiPropertyOptional({ nullable: true }) resourceId: string | null;
  @ApiPropertyOptional({ example: 'bjensen@example.com', nullable: true }) resourceName: string | null;
  @ApiPropertyOptional({ nullable: true }) externalId: string | null;
  @ApiProperty({ example: { type: 'token', tokenId: '6f1c…', tokenPrefix: 'scim_Ab12', tokenKind: 'static' } }) actor: object;
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
  @ApiPropertyOptional({ nullable: true }) clientIp: string | null;
  @ApiPropertyOptional({ nullable: true }) userAgent: string | null;
  @ApiPropertyOptional({ nullable: true }) summary: string | null;
  @ApiProperty({ example: 0, description: 'Failures of the same tenant, actor and status left out by the rate limit before this one' }) suppressed: number;
  @ApiPropertyOptional({ type: [AuditChangeDto], nullable: true }) changes: AuditChangeDto[] | null;
  @ApiProperty({ description: 'SHA-256 chain hash, hex' }) hash: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiPropertyOptional({ nullable: true, example: '1234' }) nextCursor: string | null;
}

export class ChainVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ example: 1200 }) checked: number;
  @ApiPropertyOptional({ nullable: true }) firstBrokenEventId: string | null;
  @ApiPropertyOptional({ example: 'event 17 does not match its hash' }) reason?: string;
  @ApiProperty({ example: 1200 }) headSequence: number;
  @ApiPropertyOptional({ nullable: true }) headHash: string | null;
}
