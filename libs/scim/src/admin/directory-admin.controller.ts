import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, publicBaseUrl } from '@provisio/config';
import { AdminApi, TenantsService, withDefaults } from '@provisio/tenancy';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { ScimContext } from '../http/scim-context';
import { SCIM_LIMITS, ScimLimits } from '../http/scim-limits';
import { readListRequest } from '../paging/list-request';
import { compileProjection } from '../projection/projection';
import { ScimGroupsService } from '../groups/scim-groups.service';
import { ScimUsersService } from '../users/scim-users.service';
import { directoryFilter } from './directory-search';
import { DirectoryPageDto, DirectoryQueryDto, DirectorySummaryDto, GroupMembersPageDto, MembersQueryDto } from './directory.dto';
import { directoryCounts, groupMembersPage } from './group-members-page';

const DEFAULT_COUNT = 50;

/**
 * The directory for operators (the console's Users and Groups pages): the same services, filter compiler and
 * cursor paging as /scim/v2, reached with an admin credential instead of the tenant's SCIM token. Read-only.
 */
@AdminApi('Admin: directory')
@Controller('admin/v1/tenants/:tenantId')
export class DirectoryAdminController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SCIM_LIMITS) private readonly limits: ScimLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('directory-summary')
  @ApiOperation({ summary: 'How many users and groups the tenant has' })
  @ApiOkResponse({ type: DirectorySummaryDto })
  async summary(@Param('tenantId') tenantId: string): Promise<DirectorySummaryDto> {
    await this.tenants.get(tenantId);
    return directoryCounts(this.dataSource.manager, tenantId);
  }

  @Get('users')
  @ApiOperation({ summary: 'Search users (plain text and/or a SCIM filter), cursor-paged' })
  @ApiOkResponse({ type: DirectoryPageDto })
  async listUsers(@Param('tenantId') tenantId: string, @Query() query: DirectoryQueryDto, @Req() req: Request): Promise<DirectoryPageDto> {
    const ctx = await this.context(tenantId, req);
    const request = this.listRequest('User', query);
    return (await this.users.list(ctx, request, compileProjection('User', { excludedAttributes: 'groups' }))) as unknown as DirectoryPageDto;
  }

  @Get('users/:userId')
  @ApiOperation({ summary: 'One user with every attribute and its groups' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  async getUser(@Param('tenantId') tenantId: string, @Param('userId') userId: string, @Req() req: Request): Promise<Record<string, unknown>> {
    const ctx = await this.context(tenantId, req);
    return (await this.users.get(ctx, userId, compileProjection('User'))).body as Record<string, unknown>;
  }

  @Get('groups')
  @ApiOperation({ summary: 'Search groups (plain text and/or a SCIM filter), cursor-paged; members are paged separately' })
  @ApiOkResponse({ type: DirectoryPageDto })
  async listGroups(@Param('tenantId') tenantId: string, @Query() query: DirectoryQueryDto, @Req() req: Request): Promise<DirectoryPageDto> {
    const ctx = await this.context(tenantId, req);
    const request = this.listRequest('Group', query);
    return (await this.groups.list(ctx, request, compileProjection('Group', { excludedAttributes: 'members' }))) as unknown as DirectoryPageDto;
  }

  @Get('groups/:groupId')
  @ApiOperation({ summary: 'One group without its members (GET .../members pages them)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  async getGroup(@Param('tenantId') tenantId: string, @Param('groupId') groupId: string, @Req() req: Request): Promise<Record<string, unknown>> {
    const ctx = await this.context(tenantId, req);
    return (await this.groups.get(ctx, groupId, compileProjection('Group', { excludedAttributes: 'members' }))).body as Record<string, unknown>;
  }

  @Get('groups/:groupId/members')
  @ApiOperation({ summary: 'A group’s members, paged by member id (fast for 10,000-member groups)' })
  @ApiOkResponse({ type: GroupMembersPageDto })
  async members(@Param('tenantId') tenantId: string, @Param('groupId') groupId: string, @Query() query: MembersQueryDto, @Req() req: Request) {
    const ctx = await this.context(tenantId, req);
    await this.groups.get(ctx, groupId, compileProjection('Group', { attributes: 'id' })); // 404 for an unknown group
    return groupMembersPage(this.dataSource.manager, tenantId, groupId, query.count ?? 100, query.cursor);
  }

  private async context(tenantId: string, req: Request): Promise<ScimContext> {
    const tenant = await this.tenants.get(tenantId);
    const baseUrl = `${publicBaseUrl(req, this.config.publicBaseUrl)}/scim/v2`;
    return { tenant: { id: tenant.id, name: tenant.name, settings: withDefaults(tenant.settings) }, baseUrl };
  }

  private listRequest(resourceType: 'User' | 'Group', query: DirectoryQueryDto) {
    const filter = directoryFilter(resourceType, query.search, query.filter);
    return readListRequest({ filter, cursor: query.cursor ?? '', count: String(query.count ?? DEFAULT_COUNT) }, this.limits.paging);
  }
}

