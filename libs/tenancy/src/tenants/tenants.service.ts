import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditWriter } from '@provisio/audit';
import { isUuid } from '@provisio/database';
import { DataSource, EntityManager } from 'typeorm';
import { TokenCache } from '../auth/token-cache';
import { TenantEntity, TenantStatus } from './tenant.entity';
import { TenantSettingsPatch, withDefaults } from './tenant-settings';
import { TenantNameTakenError, TenantNotFoundError } from './tenancy-errors';

export interface TenantChanges {
  name?: string;
  status?: TenantStatus;
  settings?: TenantSettingsPatch;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly tokenCache: TokenCache,
  ) {}

  create(name: string): Promise<TenantEntity> {
    return this.dataSource.transaction(async (tx) => {
      const tenant = tx.create(TenantEntity, { name, status: 'active', settings: withDefaults({}) });
      await this.saveUnique(tx, tenant);
      await this.audit.record(tx, { ...tenantAudit(tenant), action: 'tenant.created', after: tenantState(tenant) });
      return tenant;
    });
  }

  list(): Promise<TenantEntity[]> {
    return this.dataSource.getRepository(TenantEntity).find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string, tx: EntityManager = this.dataSource.manager): Promise<TenantEntity> {
    const tenant = isUuid(id) ? await tx.findOneBy(TenantEntity, { id }) : null;
    if (!tenant) throw new TenantNotFoundError(id);
    return tenant;
  }

  /** For operators on the command line, who know tenants by name. */
  async getByIdOrName(idOrName: string): Promise<TenantEntity> {
    const byName = await this.dataSource
      .getRepository(TenantEntity)
      .createQueryBuilder('t')
      .where('lower(t.name) = lower(:name)', { name: idOrName })
      .getOne();
    return byName ?? this.get(idOrName);
  }

  /** Status and settings reach SCIM requests at once on this API process, on the others within SCIM_TOKEN_CACHE_SECONDS. */
  async update(id: string, changes: TenantChanges): Promise<TenantEntity> {
    const updated = await this.dataSource.transaction(async (tx) => {
      const tenant = await this.get(id, tx);
      const before = tenantState(tenant);
      if (changes.name !== undefined) tenant.name = changes.name;
      if (changes.status !== undefined) tenant.status = changes.status;
      if (changes.settings) tenant.settings = mergeSettings(tenant.settings, changes.settings);
      await this.saveUnique(tx, tenant);
      await this.audit.record(tx, { ...tenantAudit(tenant), action: 'tenant.updated', before, after: tenantState(tenant) });
      return tenant;
    });
    this.tokenCache.invalidate();
    return updated;
  }

  /** Every tenant table references tenants with ON DELETE CASCADE, so one statement removes all of its data. */
  async delete(id: string): Promise<void> {
    const tenant = await this.dataSource.transaction(async (tx) => {
      const found = await this.get(id, tx);
      await tx.delete(TenantEntity, { id });
      return found;
    });
    this.tokenCache.invalidate();
    // The tenant's audit log is deleted with it, so the deletion is recorded in the application log.
    this.audit.recordTenantDeletion(tenant);
  }

  private async saveUnique(tx: EntityManager, tenant: TenantEntity): Promise<void> {
    try {
      await tx.save(tenant);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new TenantNameTakenError(tenant.name);
      throw error;
    }
  }
}

function mergeSettings(stored: TenantSettingsPatch, patch: TenantSettingsPatch): TenantSettingsPatch {
  const current = withDefaults(stored);
  return {
    deprovisioning: { ...current.deprovisioning, ...patch.deprovisioning },
    groups: { ...current.groups, ...patch.groups },
    audit: { ...current.audit, ...patch.audit },
    events: { ...current.events, ...patch.events },
  };
}

function tenantAudit(tenant: TenantEntity) {
  return { tenantId: tenant.id, resourceType: 'Tenant', resourceId: tenant.id, resourceName: tenant.name };
}

function tenantState(tenant: TenantEntity): object {
  return { name: tenant.name, status: tenant.status, settings: withDefaults(tenant.settings) };
}
