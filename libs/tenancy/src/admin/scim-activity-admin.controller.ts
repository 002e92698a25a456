import { Controller, Get, Param } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { TenantsService } from '../tenants/tenants.service';
import { AdminApi } from '@provisio/admin';
import { ScimActivityDto } from './scim-activity.dto';

interface LastRequestRow {
  at: Date;
  method: string;
  path: string;
  status: number;
  token_prefix: string;
  user_agent: string | null;
}

@AdminApi('Admin: tenants')
@Controller('admin/v1/tenants/:tenantId/scim-activity')
export class ScimActivityAdminController {
  constructor(
    private readonly tenants: TenantsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The last authenticated SCIM request from the tenant’s IdP and its outcome (kept to about a second)' })
  @ApiOkResponse({ type: ScimActivityDto })
  async get(@Param('tenantId') tenantId: string): Promise<ScimActivityDto> {
    await this.tenants.get(tenantId);
    const [row]: LastRequestRow[] = await this.dataSource.query(
      `SELECT at, method, path, status, token_prefix, user_agent FROM scim_last_requests WHERE tenant_id = $1`,
      [tenantId],
    );
    if (!row) return { lastRequest: null };
    return {
      lastRequest: {
        at: row.at.toISOString(),
        method: row.method,
        path: row.path,
        status: row.status,
        outcome: row.status < 400 ? 'success' : 'failure',
        tokenPrefix: row.token_prefix,
        userAgent: row.user_agent,
      },
    };
  }
}
