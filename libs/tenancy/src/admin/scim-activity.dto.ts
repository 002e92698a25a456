import { ApiProperty } from '@nestjs/swagger';

export class ScimRequestDto {
  @ApiProperty({ example: '2026-12-05T09:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'GET' }) method: string;
  @ApiProperty({ example: '/scim/v2/Users', description: 'Without the query string' }) path: string;
  @ApiProperty({ example: 200 }) status: number;
  @ApiProperty({ enum: ['success', 'failure'], description: 'failure: the IdP got a 4xx or 5xx' }) outcome: 'success' | 'failure';
  @ApiProperty({ example: 'scim_Xk3bQ9vL', description: 'Prefix of the token the IdP used' }) tokenPrefix: string;
  @ApiProperty({ nullable: true, type: String, example: 'Azure AD SCIM Client' }) userAgent: string | null;
}

export class ScimActivityDto {
  @ApiProperty({ type: ScimRequestDto, nullable: true, description: 'null until the IdP has made an authenticated request' })
  lastRequest: ScimRequestDto | null;
}
