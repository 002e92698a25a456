import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard';

export const ADMIN_BEARER = 'admin-token';

/** One decorator for admin auth and its Swagger documentation, so neither can be forgotten. */
export function AdminApi(tag: string) {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(ADMIN_BEARER),
    ApiUnauthorizedResponse({ description: 'Missing or wrong ADMIN_TOKEN' }),
    UseGuards(AdminTokenGuard),
  );
}
