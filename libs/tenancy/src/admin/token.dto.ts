import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length } from 'class-validator';

export class CreateTokenDto {
  @ApiPropertyOptional({ example: 'Entra ID provisioning' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({ example: '2027-11-23T00:00:00Z', description: 'Omit for a token that does not expire' })
  @IsOptional() @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class CreateOAuthClientDto {
  @ApiPropertyOptional({ example: 'Entra ID gallery app' })
  @IsOptional() @IsString() @Length(0, 200)
  description?: string;
}

export class TokenResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ example: 'scim_Xk3bQ9vL…', description: 'The secret; returned only when the token is created' })
  token?: string;
  @ApiProperty({ example: 'scim_Xk3bQ9vL' }) prefix: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) lastUsedAt?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt?: string | null;
}

export class OAuthClientSecretDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cs_Q2xAb9Zk' }) prefix: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class OAuthClientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'prv_4f1c…' }) clientId: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ type: [OAuthClientSecretDto] }) secrets: OAuthClientSecretDto[];
}

export class CreatedOAuthClientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'prv_4f1c…' }) clientId: string;
  @ApiProperty({ example: 'cs_Q2x…', description: 'Returned only in this response' }) clientSecret: string;
  @ApiProperty({ format: 'uuid' }) secretId: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}

export class CreatedOAuthSecretDto {
  @ApiProperty({ format: 'uuid' }) secretId: string;
  @ApiProperty({ example: 'cs_Q2x…', description: 'Returned only in this response' }) clientSecret: string;
  @ApiProperty() prefix: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}
