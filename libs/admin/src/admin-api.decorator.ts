import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard';

export const ADMIN_BEARER = 'admin-token';

/**
 * One decorator for admin auth, the role rule and their Swagger documentation, so none can be forgotten.
 * ADMIN_TOKEN and admin operator keys may do everything; auditor keys may only use GET (see AdminTokenGuard).
 */
export function AdminApi(tag: string) {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(ADMIN_BEARER),
    ApiUnauthorizedResponse({ description: 'Missing or wrong ADMIN_TOKEN or operator key' }),
    ApiForbiddenResponse({ description: 'An auditor operator key on anything but GET (auditors only read)' }),
    UseGuards(AdminTokenGuard),
  );
}
