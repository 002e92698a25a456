import { Module } from '@nestjs/common';
import { AuditModule } from '@provisio/audit';
import { APP_CONFIG } from '@provisio/config';
import { EventsModule } from '@provisio/events';
import { TenancyModule } from '@provisio/tenancy';
import { DirectoryAdminController } from './admin/directory-admin.controller';
import { ScimBulkController } from './bulk/scim-bulk.controller';
import { ScimBulkService } from './bulk/scim-bulk.service';
import { ChangeJournal } from './changes/change-journal.service';
import { ScimDiscoveryController } from './discovery/scim-discovery.controller';
import { ScimGroupsController } from './groups/scim-groups.controller';
import { ScimGroupsService } from './groups/scim-groups.service';
import { ScimHttpInterceptor } from './http/scim-http.interceptor';
import { SCIM_LIMITS, scimLimitsFrom } from './http/scim-limits';
import { ScimOperationMetrics } from './http/scim-operation-metrics';
import { ScimMeController } from './me/scim-me.controller';
import { RootSearchController } from './search/root-search.controller';
import { RootSearchService } from './search/root-search.service';
import { ScimUsersController } from './users/scim-users.controller';
import { ScimUsersService } from './users/scim-users.service';

/** The SCIM 2.0 service provider (RFC 7643/7644) under /scim/v2 and /scim. */
@Module({
  imports: [TenancyModule, AuditModule, EventsModule],
  controllers: [DirectoryAdminController, ScimUsersController, ScimGroupsController, ScimBulkController, RootSearchController, ScimDiscoveryController, ScimMeController],
  providers: [
    { provide: SCIM_LIMITS, useFactory: scimLimitsFrom, inject: [APP_CONFIG] },
    ChangeJournal,
    ScimHttpInterceptor,
    ScimOperationMetrics,
    ScimUsersService,
    ScimGroupsService,
    ScimBulkService,
    RootSearchService,
  ],
  exports: [ScimUsersService, ScimGroupsService],
})
export class ScimModule {}
