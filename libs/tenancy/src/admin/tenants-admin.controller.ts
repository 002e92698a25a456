import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig, publicBaseUrl } from '@provisio/config';
import type { Request } from 'express';
import { TenantsService } from '../tenants/tenants.service';
import { AdminApi } from '@provisio/admin';
import { toTenantResponse } from './admin-mappers';
import { CreateTenantDto, TenantResponseDto, UpdateTenantDto } from './tenant.dto';

@AdminApi('Admin: tenants')
@Controller('admin/v1/tenants')
export class TenantsAdminController {
  constructor(
    private readonly tenants: TenantsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a tenant' })
  @ApiCreatedResponse({ type: TenantResponseDto })
  async create(@Body() body: CreateTenantDto, @Req() req: Request): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.create(body.name), publicBaseUrl(req, this.config.publicBaseUrl));
  }

  @Get()
  @ApiOperation({ summary: 'List tenants' })
  @ApiOkResponse({ type: [TenantResponseDto] })
  async list(@Req() req: Request): Promise<TenantResponseDto[]> {
    const base = publicBaseUrl(req, this.config.publicBaseUrl);
    return (await this.tenants.list()).map((tenant) => toTenantResponse(tenant, base));
  }

  @Get(':id')
  @ApiOkResponse({ type: TenantResponseDto })
  async get(@Param('id') id: string, @Req() req: Request): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.get(id), publicBaseUrl(req, this.config.publicBaseUrl));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, suspend or reactivate a tenant, or change its settings' })
  @ApiOkResponse({ type: TenantResponseDto })
  async update(@Param('id') id: string, @Body() body: UpdateTenantDto, @Req() req: Request): Promise<TenantResponseDto> {
    return toTenantResponse(await this.tenants.update(id, body), publicBaseUrl(req, this.config.publicBaseUrl));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tenant and all of its data' })
  @ApiNoContentResponse()
  async delete(@Param('id') id: string): Promise<void> {
    await this.tenants.delete(id);
  }
}
