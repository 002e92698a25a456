import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_RETENTION_QUEUE, AuditAdminModule } from '@provisio/audit';
import { AppConfig, ConfigModule } from '@provisio/config';
import { ConnectorsModule } from '@provisio/connectors';
import { DatabaseModule } from '@provisio/database';
import { EventsAdminModule, QueueRegistryModule, registerQueues } from '@provisio/events';
import { loggerOptions } from '@provisio/observability';
import { ScimModule } from '@provisio/scim';
import { TenancyModule } from '@provisio/tenancy';
import { WebhooksModule } from '@provisio/webhooks';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loadMigrations } from '../../migrations';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { TelemetryFlush } from './metrics/telemetry-flush';
import { RootRedirectController } from './sandbox/root-redirect.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config.logLevel, 'api', logDestination, [config.adminToken])),
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
        QueueRegistryModule,
      ],
      controllers: [RootRedirectController, MetricsController],
      // libs/audit does not depend on libs/events, so its queue is declared here (as in apps/worker).
      providers: [registerQueues('audit', [AUDIT_RETENTION_QUEUE]), TelemetryFlush],
    };
  }
}
