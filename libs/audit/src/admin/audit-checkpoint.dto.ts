import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBase64, IsInt, IsISO8601, IsNotEmptyObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const HASH_EXAMPLE = '5d41402abc4b2a76b9719d911017c592ae5f6c1e9b0d3a8f7e6c5b4a39281706';
const SIGNATURE_EXAMPLE = 'q2vN0l3Qm0b7m9lX1oJ9nQ6l4cT8Qz7m0wq5b9Yb0s2Hk8v7d3x1c4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0eA==';

/** A signed checkpoint exactly as GET …/audit-events/checkpoints lists it; POST …/audit-events/verify takes it back. */
export class AuditCheckpointDto {
  @ApiProperty({ format: 'uuid', example: '9d1f2c7a-3e4b-4c5d-8e6f-0a1b2c3d4e5f' })
  @IsUUID()
  tenantId: string;

  @ApiProperty({ example: 1200, description: 'Sequence of the chain head that was signed' })
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER)
  sequence: number;

  @ApiProperty({ example: HASH_EXAMPLE, description: 'Chain hash of that event, hex' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be 64 lowercase hex digits' })
  hash: string;

  @ApiProperty({ example: '2026-12-05T09:00:00.123Z', description: 'When the sealer signed it (ISO 8601, milliseconds)' })
  @IsISO8601({ strict: true })
  signedAt: string;

  @ApiPropertyOptional({ example: '3f9c0a5be1d27c44', description: 'Which signing key: first 16 hex digits of SHA-256 over the SPKI DER public key' })
  @IsOptional() @Matches(/^[0-9a-f]{16}$/, { message: 'keyId must be 16 lowercase hex digits' })
  keyId?: string;

  @ApiProperty({ example: SIGNATURE_EXAMPLE, description: 'Ed25519 signature (RFC 8032) over `payload`, base64' })
  @IsBase64() @MaxLength(200)
  signature: string;

  @ApiPropertyOptional({
    example: `provisio-audit-checkpoint-v1\ntenantId=9d1f2c7a-3e4b-4c5d-8e6f-0a1b2c3d4e5f\nsequence=1200\nhash=${HASH_EXAMPLE}\nsignedAt=2026-12-05T09:00:00.123Z`,
    description: 'The exact UTF-8 text the signature covers, rebuilt from the fields above (ignored on input: the fields are what is checked)',
  })
  @IsOptional() @IsString() @MaxLength(1000)
  payload?: string;
}

export class AuditCheckpointPageDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm: 'Ed25519';
  @ApiProperty({ example: '3f9c0a5be1d27c44', description: 'keyId of the current signing key' }) keyId: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n', description: 'The current public key, SPKI PEM: keep it with the checkpoints' })
  publicKey: string;
  @ApiProperty({ type: [AuditCheckpointDto], description: 'Newest first' }) items: AuditCheckpointDto[];
  @ApiPropertyOptional({ nullable: true, example: '1100', description: 'Pass as `cursor` for older checkpoints; null on the last page' }) nextCursor: string | null;
}

export class VerifyAgainstCheckpointDto {
  @ApiProperty({ type: AuditCheckpointDto, description: 'A checkpoint kept outside the database (an item of GET …/audit-events/checkpoints)' })
  @IsNotEmptyObject() @ValidateNested() @Type(() => AuditCheckpointDto)
  checkpoint: AuditCheckpointDto;
}

export class CheckpointCheckDto {
  @ApiProperty({ enum: ['given', 'stored'], description: 'given: the checkpoint in the request; stored: the newest one the sealer signed with the current key' })
  source: 'given' | 'stored';
  @ApiProperty({ example: 1200 }) sequence: number;
  @ApiProperty({ example: true, description: 'The signature is valid and the chain still holds that hash at that sequence' }) ok: boolean;
  @ApiPropertyOptional({ example: 'the chain holds another hash at sequence 1200: it was rewritten after the checkpoint was signed' }) reason?: string;
}

export class CheckpointsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page', example: '1100' })
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'cursor must be a nextCursor value' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}
