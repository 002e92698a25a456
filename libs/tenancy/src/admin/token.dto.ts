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
