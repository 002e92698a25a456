import { DynamicModule, Module } from '@nestjs/common';
import { AuditAdminModule } from '@provisio/audit';
import { AppConfig, ConfigModule } from '@provisio/config';
import { ConnectorsModule } from '@provisio/connectors';
import { DatabaseModule } from '@provisio/database';
import { EventsAdminModule } from '@provisio/events';
import { loggerOptions } from '@provisio/observability';
import { ScimModule } from '@provisio/scim';
import { TenancyModule } from '@provisio/tenancy';
import { WebhooksModule } from '@provisio/webhooks';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loadMigrations } from '../../migrations';
import { HealthModule } from './health/health.module';
import { RootRedirectController } from './sandbox/root-redirect.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ApiModule,
      controllers: [RootRedirectController],
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel, 'api', logDestination)),
        DatabaseModule.forRoot({
          url: config.databaseUrl,
          migrations: loadMigrations(),
          runMigrations: true,
          applicationName: 'provisio-api',
        }),
        HealthModule,
        TenancyModule,
        ScimModule,
        AuditAdminModule,
        EventsAdminModule,
        WebhooksModule,
        ConnectorsModule,
      ],
    };
  }
}
